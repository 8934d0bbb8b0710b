package com.unicornstore.retail.domain;

import java.util.Optional;

/** The record of every purchase. */
public interface Purchases {

    /** Records a new purchase; when one with its id exists already, records nothing and returns that one. */
    Optional<Purchase> addIfAbsent(Purchase purchase);

    /**
     * Records how the purchase ended, as its caller saw it. A pending purchase takes any outcome;
     * one marked compensated by its saga alone may still be told why (REJECTED or COMPENSATED with
     * the reason); any other keeps its outcome.
     */
    void end(String purchaseId, PurchaseStatus status, long total, long points, String reason, String sagaId);

    /**
     * The saga undid the purchase (possibly on another instance, after a crash): a pending purchase
     * becomes COMPENSATED, open to a more precise outcome from {@link #end}.
     */
    void compensatedBySaga(String purchaseId, String sagaId);

    /** Keeps the first count of points a refund took back, and returns it: a retried refund reports the same. */
    long recordPointsRevoked(String purchaseId, long revoked);

    /** COMPLETED becomes REFUNDED with what was given back; false when it was not COMPLETED. */
    boolean refunded(String purchaseId, Refund refund);

    Optional<Purchase> find(String purchaseId);
}
