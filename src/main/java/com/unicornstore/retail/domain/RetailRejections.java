package com.unicornstore.retail.domain;

import com.unicornstore.platform.domain.Rejection;

/** The refusals of the retail context. */
public final class RetailRejections {

    private RetailRejections() {}

    public static Rejection unknownProduct(String id) {
        return Rejection.notFound("product-not-found", "No product with id '" + id + "'.");
    }

    public static Rejection unknownWallet(String username) {
        return Rejection.notFound("wallet-not-found", "No wallet for user '" + username + "'.");
    }
}
