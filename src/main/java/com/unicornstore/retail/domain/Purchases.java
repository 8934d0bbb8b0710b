package com.unicornstore.retail.domain;

import java.time.Instant;
import java.util.List;
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

    /**
     * Up to {@code limit} purchases still PENDING whose saga should have begun before {@code now}, from
     * the next part of the store: a call may look at one part only, every part within a bounded number of calls.
     */
    List<Purchase> pendingPastDeadline(Instant now, int limit);

    /** A PENDING purchase whose saga is being driven is looked at again by recovery only after {@code at}. */
    void recheckPendingAt(String purchaseId, Instant at);

    /**
     * COMPLETED becomes REFUNDING under refund attempt {@code attempt} and its saga; false when the
     * purchase is no longer COMPLETED at attempt {@code attempt - 1} (another refund came first).
     */
    boolean startRefund(String purchaseId, int attempt, String sagaId);

    /** The refund saga was compensated: REFUNDING under that saga becomes COMPLETED again. */
    void reopenRefund(String purchaseId, String sagaId);

    /** Keeps the first count of points a refund took back, and returns it: a retried refund reports the same. */
    long recordPointsRevoked(String purchaseId, long revoked);

    /** Records that the refund gave {@code what} back ({@link RefundProgress#WALLET}, {@link RefundProgress#STOCK}). */
    void recordRefundGiven(String purchaseId, String what);

    /** REFUNDING under {@code sagaId} becomes REFUNDED with what was given back; false when it was not. */
    boolean refunded(String purchaseId, String sagaId, Refund refund);

    Optional<Purchase> find(String purchaseId);

    /** A page of one shopper's purchases, newest first, from {@code cursor} (null: the newest) on. */
    Page byUser(String userId, int limit, String cursor);

    /** Purchases, and where the next page starts (null when this is the last). */
    record Page(List<Purchase> items, String nextCursor) {}
}
