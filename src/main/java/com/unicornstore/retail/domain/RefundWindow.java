package com.unicornstore.retail.domain;

import java.time.Duration;
import java.time.Instant;

/** How long after its completion a purchase may be refunded. */
public record RefundWindow(Duration length) {

    public RefundWindow {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the refund window must be positive");
        }
    }

    public boolean isOpen(Purchase purchase, Instant now) {
        return !now.isAfter(purchase.completedOrCreatedAt().plus(length));
    }

    public Instant closesAt(Purchase purchase) {
        return purchase.completedOrCreatedAt().plus(length);
    }
}
