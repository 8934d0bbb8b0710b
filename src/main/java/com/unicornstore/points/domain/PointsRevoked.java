package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/**
 * Points were taken back (a compensated purchase, a refund). {@code requested} is what the caller
 * asked for; {@code amount} what was left of the correlated issue to take, possibly nothing.
 */
public record PointsRevoked(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        long requested, List<LotShare> lots) implements PointsEvent, TakesFromLots {

    public PointsRevoked {
        lots = List.copyOf(lots);
        if (amount > 0) {
            TakesFromLots.requireConsistent(amount, lots);
        } else if (amount < 0 || !lots.isEmpty()) {
            throw new IllegalArgumentException("a revocation that takes nothing names no lots");
        }
    }
}
