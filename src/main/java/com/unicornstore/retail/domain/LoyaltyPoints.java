package com.unicornstore.retail.domain;

/** The points ledger as retail needs it for refunds. */
public interface LoyaltyPoints {

    /**
     * Takes back what is left of the points a purchase issued, at most {@code points}; returns
     * how many were taken now (0 when they were already taken back, or all spent).
     */
    long revoke(String accountId, long points, String purchaseId);
}
