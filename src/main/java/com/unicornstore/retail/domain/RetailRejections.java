package com.unicornstore.retail.domain;

import com.unicornstore.platform.domain.Rejection;
import java.time.Instant;

/** The refusals of the retail context. */
public final class RetailRejections {

    private RetailRejections() {}

    public static Rejection unknownProduct(String id) {
        return Rejection.notFound("product-not-found", "No product with id '" + id + "'.");
    }

    public static Rejection insufficientStock(String productId, long available, int wanted) {
        return new Rejection(Rejection.Kind.CONFLICT, "insufficient-stock",
                "Only " + available + " of product '" + productId + "' left; " + wanted + " wanted.");
    }

    public static Rejection insufficientFunds(String username, long balance, long total) {
        return new Rejection(Rejection.Kind.CONFLICT, "insufficient-funds",
                "The wallet of '" + username + "' holds " + balance + "; the purchase costs " + total + ".");
    }

    public static Rejection unknownPurchase(String id) {
        return Rejection.notFound("purchase-not-found", "No purchase with id '" + id + "'.");
    }

    public static Rejection notRefundable(String id, PurchaseStatus status) {
        return new Rejection(Rejection.Kind.CONFLICT, "purchase-not-refundable",
                "Only a COMPLETED purchase can be refunded; purchase " + id + " is " + status + ".");
    }

    public static Rejection refundWindowClosed(String id, Instant closedAt) {
        return new Rejection(Rejection.Kind.CONFLICT, "refund-window-closed",
                "The refund window of purchase " + id + " closed at " + closedAt + ".");
    }

    public static Rejection unknownWallet(String username) {
        return Rejection.notFound("wallet-not-found", "No wallet for user '" + username + "'.");
    }
}
