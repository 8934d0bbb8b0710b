package com.unicornstore.retail.application;

import com.unicornstore.platform.domain.DetailedFailure;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.LoyaltyPoints;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.Refund;
import com.unicornstore.retail.domain.RefundProgress;
import com.unicornstore.retail.domain.RefundWindow;
import com.unicornstore.retail.domain.RetailRejections;
import com.unicornstore.retail.domain.Wallets;
import com.unicornstore.saga.domain.SagaLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Refunds a completed purchase within the refund window, as a saga: its one step moves the
 * purchase COMPLETED to REFUNDING (compensation: back to COMPLETED, nothing given yet), and its
 * completion gives back: points taken back (what is left of them; the shortfall is recorded), money
 * to the wallet, units to stock, then REFUNDED. The purchase's status and refund progress decide
 * every step, so a retried refund or a completion run again gives nothing twice, whatever the
 * stock and wallet items still remember.
 */
public final class RefundingPurchase {

    private final Purchases purchases;
    private final Inventory inventory;
    private final Wallets wallets;
    private final LoyaltyPoints points;
    private final RefundWindow window;
    private final Clock clock;

    public RefundingPurchase(Purchases purchases, Inventory inventory, Wallets wallets, LoyaltyPoints points,
            RefundWindow window, Clock clock) {
        this.purchases = purchases;
        this.inventory = inventory;
        this.wallets = wallets;
        this.points = points;
        this.window = window;
        this.clock = clock;
    }

    /** A refund saga to run: the purchase, its refund attempt and the saga id that attempt runs under. */
    public record Attempt(String purchaseId, int attempt, String sagaId) {}

    /**
     * What a refund request leads to: a new attempt for a COMPLETED purchase inside its window;
     * nothing to run for one REFUNDED or REFUNDING (its saga, here or on another instance, ends it).
     * A purchase of an account the caller may not act on is answered as unknown, so ids cannot be probed.
     */
    public Optional<Attempt> request(String purchaseId, Predicate<String> callerMayActOnAccount) {
        Purchase purchase = find(purchaseId);
        if (!callerMayActOnAccount.test(purchase.order().userId())) {
            throw RetailRejections.unknownPurchase(purchaseId);
        }
        return switch (purchase.status()) {
            case REFUNDED, REFUNDING -> Optional.empty();
            case COMPLETED -> {
                if (!window.isOpen(purchase, clock.instant())) {
                    throw RetailRejections.refundWindowClosed(purchaseId, window.closesAt(purchase));
                }
                int attempt = purchase.refunding().attempt() + 1;
                yield Optional.of(new Attempt(purchaseId, attempt, purchase.refundSagaOf(attempt)));
            }
            default -> throw RetailRejections.notRefundable(purchaseId, purchase.status());
        };
    }

    /** The saga's step: COMPLETED becomes REFUNDING under this attempt, or the refund is refused. */
    public void begin(String purchaseId, int attempt, String sagaId) {
        if (!purchases.startRefund(purchaseId, attempt, sagaId)) {
            throw new Rejection(Rejection.Kind.CONFLICT, "purchase-not-refundable",
                    "Purchase " + purchaseId + " changed while its refund began; it is " + find(purchaseId).status() + ".");
        }
    }

    /** The compensation: the saga died or failed before giving anything back. */
    public void reopen(String purchaseId, String sagaId) {
        purchases.reopenRefund(purchaseId, sagaId);
    }

    /** The purchase the completion gives back under this saga; empty when there is nothing (left) to do. */
    public Optional<Purchase> underway(String purchaseId, String sagaId) {
        Purchase purchase = find(purchaseId);
        boolean ours = purchase.status() == PurchaseStatus.REFUNDING && sagaId.equals(purchase.refunding().sagaId());
        return ours ? Optional.of(purchase) : Optional.empty();
    }

    /** Takes back what is left of the purchase's points; the ledger answers the same count when asked again. */
    public long revokePoints(Purchase purchase) {
        Long recorded = purchase.refunding().pointsRevoked();
        return recorded != null ? recorded : points.revoke(purchase.order().userId(), purchase.points(), purchase.id());
    }

    public void recordPointsRevoked(String purchaseId, long revoked) {
        purchases.recordPointsRevoked(purchaseId, revoked);
    }

    public void creditWallet(Purchase purchase) {
        if (!purchase.refunding().gave(RefundProgress.WALLET)) {
            wallets.credit(purchase.order().userId(), purchase.id(), purchase.total());
            purchases.recordRefundGiven(purchase.id(), RefundProgress.WALLET);
        }
    }

    public void restock(Purchase purchase) {
        if (!purchase.refunding().gave(RefundProgress.STOCK)) {
            inventory.restock(purchase.order().productId(), purchase.id(), purchase.order().quantity());
            purchases.recordRefundGiven(purchase.id(), RefundProgress.STOCK);
        }
    }

    /** Everything is given back: REFUNDED, with the points that could not be taken back as the shortfall. */
    public void markRefunded(String purchaseId, String sagaId) {
        Purchase purchase = find(purchaseId);
        Long revoked = purchase.refunding().pointsRevoked();
        if (revoked == null) {
            throw new IllegalStateException("Refund of " + purchaseId + " has no record of the points it took back");
        }
        purchases.refunded(purchaseId, sagaId, new Refund(purchase.total(), purchase.order().quantity(), revoked,
                purchase.points() - revoked));
    }

    /**
     * The purchase as the refund left it: REFUNDED, or REFUNDING while its completion is still
     * retried. A refund that did not begin (its saga compensated) answers with its failure.
     */
    public Purchase outcome(String purchaseId, Throwable failure) {
        Purchase purchase = find(purchaseId);
        if (purchase.status() == PurchaseStatus.REFUNDED || purchase.status() == PurchaseStatus.REFUNDING
                || failure == null) {
            return purchase;
        }
        Rejection rejection = Rejection.foundIn(failure);
        if (rejection != null && SagaLog.ID_IN_USE.equals(rejection.code())) {
            return purchase; // another request began this very attempt: it is under way
        }
        if (rejection != null) {
            throw rejection;
        }
        throw new DetailedFailure(failure, Map.of("purchase_id", purchaseId, "purchase_status", purchase.status().name()));
    }

    /** True when the refund saga could not begin because a concurrent request already began the same attempt. */
    public static boolean isConcurrentAttempt(Throwable failure) {
        Rejection rejection = failure == null ? null : Rejection.foundIn(failure);
        return rejection != null && SagaLog.ID_IN_USE.equals(rejection.code());
    }

    private Purchase find(String purchaseId) {
        return purchases.find(purchaseId).orElseThrow(() -> RetailRejections.unknownPurchase(purchaseId));
    }
}
