package com.unicornstore.retail.domain;

import java.time.Instant;

/** A purchase as recorded: the order, what it cost, the points it earned, how it ended, its saga and any refund. */
public record Purchase(
        String id,
        PurchaseOrder order,
        PurchaseStatus status,
        long total,
        long points,
        String reason,
        Instant createdAt,
        String sagaId,
        Refund refund) {

    public static Purchase pending(String id, PurchaseOrder order, Instant now) {
        return new Purchase(id, order, PurchaseStatus.PENDING, 0, 0, null, now, null, null);
    }
}
