package com.unicornstore.retail.application;

import com.unicornstore.platform.domain.DetailedFailure;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a purchase before its saga runs and records how it ended: COMPLETED; REJECTED when a
 * business rule refused it (short stock or wallet: nothing changed); COMPENSATED when a technical
 * failure made the saga undo its steps.
 */
public final class PlacingPurchase {

    private final Purchases purchases;
    private final Clock clock;

    public PlacingPurchase(Purchases purchases, Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    /**
     * Opens the purchase. With an idempotency key its id is derived from the key, so a retry whose
     * first answer was lost finds the purchase it already made instead of buying again: a completed
     * one is returned, any other outcome is refused.
     */
    public Opened open(PurchaseOrder order, String idempotencyKey) {
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("purchase\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        Purchase purchase = Purchase.pending(id, order, clock.instant());
        Optional<Purchase> existing = purchases.addIfAbsent(purchase);
        if (existing.isEmpty()) {
            return new Opened(purchase, true);
        }
        Purchase earlier = existing.get();
        if (earlier.status() != PurchaseStatus.COMPLETED) {
            throw new Rejection(Rejection.Kind.CONFLICT, "purchase-already-made",
                    "This Idempotency-Key already made purchase " + id + ", which is " + earlier.status() + ".",
                    List.of(), Map.of("purchase_id", id, "purchase_status", earlier.status().name()));
        }
        return new Opened(earlier, false);
    }

    /** The purchase to go on with, and whether it was just opened (false: an earlier one, already COMPLETED). */
    public record Opened(Purchase purchase, boolean fresh) {}

    public void completed(String purchaseId, long total, long points, String sagaId) {
        purchases.end(purchaseId, PurchaseStatus.COMPLETED, total, points, null, sagaId);
    }

    public void compensatedBySaga(String purchaseId, String sagaId) {
        purchases.compensatedBySaga(purchaseId, sagaId);
    }

    /** Records the failure and returns what the client must be told, carrying the purchase id. */
    public RuntimeException failed(String purchaseId, Throwable failure) {
        Rejection rejection = Rejection.foundIn(failure);
        if (rejection != null) {
            purchases.end(purchaseId, PurchaseStatus.REJECTED, 0, 0, rejection.code(), null);
            return new Rejection(rejection.kind(), rejection.code(), rejection.getMessage(), rejection.violations(),
                    Map.of("purchase_id", purchaseId, "purchase_status", PurchaseStatus.REJECTED.name()));
        }
        purchases.end(purchaseId, PurchaseStatus.COMPENSATED, 0, 0, String.valueOf(failure.getMessage()), null);
        return new DetailedFailure(failure, Map.of("purchase_id", purchaseId, "purchase_status", PurchaseStatus.COMPENSATED.name()));
    }
}
