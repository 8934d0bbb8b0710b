package com.unicornstore.points.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How issues merge into lots (buckets): every issue inside one granule of time (aligned to the
 * epoch, so {@code P1D} means one UTC day) goes into the same lot, and all of a lot's points expire
 * together at the granule's start plus the ttl. A point therefore lives at most the ttl and at least
 * ttl minus one granule; the granularity may be at most half the ttl, so every point lives at least
 * half of it. An account holds at most {@link #maxOpenLots()} lots (366 with P365D and P1D).
 */
public record BucketPolicy(Duration ttl, Duration granularity) {

    public BucketPolicy {
        if (ttl == null || granularity == null || ttl.toMillis() <= 0 || granularity.toMillis() <= 0) {
            throw new IllegalArgumentException("points.expiry.ttl and points.buckets.granularity must be positive");
        }
        if (granularity.multipliedBy(2).compareTo(ttl) > 0) {
            throw new IllegalArgumentException("points.buckets.granularity (" + granularity
                    + ") may be at most half of points.expiry.ttl (" + ttl + ")");
        }
    }

    /** The start of the granule {@code at} falls in. */
    public Instant startOf(Instant at) {
        long millis = granularity.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    /** The id of the lot an issue at {@code at} goes into: its granule's start, ISO-8601. */
    public String lotIdAt(Instant at) {
        return startOf(at).toString();
    }

    /** When the points of the lot of {@code at} expire. */
    public Instant expiryAt(Instant at) {
        return startOf(at).plus(ttl);
    }

    /** Lots with unexpired points have their start in (now - ttl, now]: ceil(ttl / granularity) of them, plus one. */
    public long maxOpenLots() {
        long ttlMillis = ttl.toMillis();
        long granule = granularity.toMillis();
        return (ttlMillis + granule - 1) / granule + 1;
    }
}
