package com.unicornstore.retail.application;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.LoyaltyPoints;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.Refund;
import com.unicornstore.retail.domain.RetailRejections;
import com.unicornstore.retail.domain.Wallets;

/**
 * Refunds a completed purchase: points taken back (what is left of them; the purchase records
 * the shortfall), money back to the wallet, units back to stock. Each step is idempotent per
 * purchase, so a retried or interrupted refund finishes without giving anything back twice.
 */
public final class RefundingPurchase {

    private final Purchases purchases;
    private final Inventory inventory;
    private final Wallets wallets;
    private final LoyaltyPoints points;

    public RefundingPurchase(Purchases purchases, Inventory inventory, Wallets wallets, LoyaltyPoints points) {
        this.purchases = purchases;
        this.inventory = inventory;
        this.wallets = wallets;
        this.points = points;
    }

    public Purchase refund(String purchaseId) {
        Purchase purchase = purchases.find(purchaseId).orElseThrow(() -> RetailRejections.unknownPurchase(purchaseId));
        if (purchase.status() == PurchaseStatus.REFUNDED) {
            return purchase;
        }
        if (purchase.status() != PurchaseStatus.COMPLETED) {
            throw new Rejection(Rejection.Kind.CONFLICT, "purchase-not-refundable",
                    "Only a COMPLETED purchase can be refunded; this one is " + purchase.status() + ".");
        }
        String user = purchase.order().userId();
        long revoked = purchases.recordPointsRevoked(purchaseId, points.revoke(user, purchase.points(), purchaseId));
        wallets.credit(user, purchaseId, purchase.total());
        inventory.restock(purchase.order().productId(), purchaseId, purchase.order().quantity());
        Refund refund = new Refund(purchase.total(), purchase.order().quantity(), revoked, purchase.points() - revoked);
        purchases.refunded(purchaseId, refund);
        return purchases.find(purchaseId).orElseThrow();
    }
}
