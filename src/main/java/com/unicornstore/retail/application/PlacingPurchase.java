package com.unicornstore.retail.application;

import com.unicornstore.platform.domain.DetailedFailure;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import java.time.Clock;
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
    private final int channelAttempts;

    public PlacingPurchase(Purchases purchases, Clock clock) {
        this(purchases, clock, 1);
    }

    /**
     * @param channelAttempts how many purchases a channel's message may make, each only once the one
     *        before it ended COMPENSATED (unicorn.retail.channel-attempts); 1 makes a redelivery after a
     *        technical failure a refused duplicate, as for an HTTP client's Idempotency-Key
     */
    public PlacingPurchase(Purchases purchases, Clock clock, int channelAttempts) {
        if (channelAttempts < 1) {
            throw new IllegalArgumentException("channel attempts must be at least 1: " + channelAttempts);
        }
        this.purchases = purchases;
        this.clock = clock;
        this.channelAttempts = channelAttempts;
    }

    /**
     * The id of the purchase a request makes. With an idempotency key it is derived from the caller's
     * principal and the key, so a retry whose first answer was lost finds the purchase it already made
     * instead of buying again, and another caller's same key names another purchase: a client-chosen
     * key alone never finds someone else's purchase.
     */
    public String purchaseIdFor(String principal, String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : Identifiers.nameBased("purchase", principal, idempotencyKey);
    }

    /**
     * The id of attempt {@code attempt} (0 first) of the purchase whose first id is {@code firstId}:
     * deterministic, so every instance that sees the message again walks the same ids.
     */
    public static String attemptId(String firstId, int attempt) {
        return attempt == 0 ? firstId : Identifiers.nameBased("purchase-attempt", firstId, String.valueOf(attempt));
    }

    /**
     * Opens purchase {@code id} (see {@link #purchaseIdFor}). An earlier one with that id (a client's
     * retry) is returned when COMPLETED; any other outcome is refused. A channel's message (the origin
     * names a channel) is redelivered by its queue after a technical failure, which nobody but the
     * platform saw: an earlier attempt that ended COMPENSATED changed nothing, so the message opens its
     * next attempt ({@link #attemptId}), up to {@code channelAttempts}. A technical failure names the
     * id, since the purchase may have been opened all the same.
     */
    public Opened open(PurchaseOrder order, String id, Origin origin) {
        int attempts = origin.channel() != null ? channelAttempts : 1;
        for (int attempt = 0; ; attempt++) {
            String attemptId = attemptId(id, attempt);
            Purchase purchase = Purchase.pending(attemptId, order, origin, clock.instant());
            Optional<Purchase> existing = addIfAbsent(purchase);
            if (existing.isEmpty()) {
                return new Opened(purchase, true);
            }
            Purchase earlier = existing.get();
            if (earlier.status() == PurchaseStatus.COMPLETED) {
                return new Opened(earlier, false);
            }
            if (earlier.status() != PurchaseStatus.COMPENSATED || attempt + 1 >= attempts) {
                throw new Rejection(Rejection.Kind.CONFLICT, "purchase-already-made",
                        "This Idempotency-Key already made purchase " + attemptId + ", which is " + earlier.status()
                                + ".", List.of(), Map.of("purchase_id", attemptId, "purchase_status",
                                earlier.status().name()));
            }
        }
    }

    private Optional<Purchase> addIfAbsent(Purchase purchase) {
        try {
            return purchases.addIfAbsent(purchase);
        } catch (RuntimeException unknown) {
            throw new DetailedFailure(unknown, Map.of("purchase_id", purchase.id()));
        }
    }

    /** The purchase to go on with, and whether it was just opened (false: an earlier one, already COMPLETED). */
    public record Opened(Purchase purchase, boolean fresh) {}

    public void completed(String purchaseId, long total, long points, String sagaId) {
        purchases.end(purchaseId, PurchaseStatus.COMPLETED, total, points, null, sagaId);
    }

    public void compensatedBySaga(String purchaseId, String sagaId) {
        purchases.compensatedBySaga(purchaseId, sagaId);
    }

    /**
     * Records the failure and returns what the client must be told, carrying the purchase id, and the
     * status when it was recorded: if the record itself fails, the purchase is still PENDING, which
     * the caller can follow at GET /purchase/{id} until recovery ends it.
     */
    public RuntimeException failed(String purchaseId, Throwable failure) {
        Rejection rejection = Rejection.foundIn(failure);
        PurchaseStatus status = rejection != null ? PurchaseStatus.REJECTED : PurchaseStatus.COMPENSATED;
        Map<String, Object> details = Map.of("purchase_id", purchaseId, "purchase_status", status.name());
        try {
            purchases.end(purchaseId, status, 0, 0,
                    rejection != null ? rejection.code() : String.valueOf(failure.getMessage()), null);
        } catch (RuntimeException unrecorded) {
            failure.addSuppressed(unrecorded);
            details = Map.of("purchase_id", purchaseId);
        }
        if (rejection != null) {
            return new Rejection(rejection.kind(), rejection.code(), rejection.getMessage(), rejection.violations(),
                    details);
        }
        return new DetailedFailure(failure, details);
    }
}
