package com.unicornstore.retail.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;

/**
 * A purchase as recorded: the order, what it cost, the points it earned, how it ended, its saga,
 * when it completed, the progress of its latest refund saga and what the refund gave back, and who
 * ordered it through which channel ({@link Origin#UNKNOWN} for purchases recorded before origins were kept).
 */
public record Purchase(
        String id,
        PurchaseOrder order,
        PurchaseStatus status,
        long total,
        long points,
        String reason,
        Instant createdAt,
        String sagaId,
        Refund refund,
        Instant completedAt,
        RefundProgress refunding,
        Origin origin) {

    public Purchase {
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public static Purchase pending(String id, PurchaseOrder order, Origin origin, Instant now) {
        return new Purchase(id, order, PurchaseStatus.PENDING, 0, 0, null, now, null, null, null, RefundProgress.NONE,
                origin);
    }

    /** The saga id the refund saga of this attempt runs under, fixed by the purchase. */
    public String refundSagaOf(int attempt) {
        return SagaIds.refund(id, attempt);
    }

    /** When the refund window opened: the completion (purchases recorded before that was kept: their creation). */
    public Instant completedOrCreatedAt() {
        return completedAt != null ? completedAt : createdAt;
    }
}
