package com.unicornstore.points.domain;

import java.time.Instant;

/** One lot (bucket) as the read side shows it; {@code issuedAt} is its first issue: what is left of it and whether its expiry was recorded. */
public record BalanceEntry(String lotId, Instant issuedAt, Instant expiresAt, long remaining, Instant lastUpdated,
        boolean expiryRecorded) {

    /** Expired as soon as the clock passes its expiry, whether or not the expiry event was written yet. */
    public boolean isExpiredAt(Instant now) {
        return expiryRecorded || !expiresAt.isAfter(now);
    }
}
