package com.unicornstore.points.domain;

import java.time.Instant;

/**
 * A bucket of points that expire together: every issue of one granule (see {@link BucketPolicy}).
 * {@code remaining} is what is left of it. Lots of schema 1 (one per issue, id = the event
 * id) still carry the {@code correlationId} of their issue; merged lots carry none (null).
 */
public record Lot(String id, Instant issuedAt, Instant expiresAt, long remaining, String correlationId) {

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    Lot less(long amount) {
        return new Lot(id, issuedAt, expiresAt, remaining - amount, correlationId);
    }

    Lot plus(long amount) {
        return new Lot(id, issuedAt, expiresAt, remaining + amount, correlationId);
    }
}
