package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What the ledger remembers per purchase, apart from the account: into which lot its points went,
 * and whether they were revoked. Records expire after a retention; an expired record reads as none.
 * Only purchase-correlated commands (the saga's issue and revoke, refunds) use them.
 */
public interface PurchaseRecords {

    /** The record of {@code correlationId} on {@code accountId}, unless there is none or it expired by {@code now}. */
    Optional<PurchaseRecord> find(String accountId, String correlationId, Instant now);

    /** Remembers the purchase's issue, unless it is already recorded as revoked. */
    void recordIssue(String accountId, String correlationId, PurchaseIssue issue, Instant now);

    /**
     * Remembers that the purchase's points were revoked, and how many the revocation took: a late
     * issue of it is refused, and a repeat of the revocation is answered with the same amount.
     */
    void recordRevocation(String accountId, String correlationId, long amount, Instant now);

    /** Remembers revocations read from schema 1 data, which kept them in the account. */
    void recordRevocations(String accountId, Collection<String> correlationIds, Instant now);

    /** One purchase's record: its issue (null when not issued, or not known), whether it was revoked and what that took. */
    record PurchaseRecord(PurchaseIssue issued, boolean revoked, long revokedAmount) {}
}
