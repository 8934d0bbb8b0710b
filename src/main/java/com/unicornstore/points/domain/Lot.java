package com.unicornstore.points.domain;

import java.time.Instant;

/** Points issued together, spendable until they expire; {@code remaining} is what is left of them. */
public record Lot(String id, Instant issuedAt, Instant expiresAt, long remaining, String correlationId) {

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    Lot less(long amount) {
        return new Lot(id, issuedAt, expiresAt, remaining - amount, correlationId);
    }
}
