package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.List;

/**
 * Points were taken back (a compensated purchase, a refund). {@code requested} is what the caller
 * asked for; {@code amount} what was left of the correlated issue to take, possibly nothing.
 */
public record PointsRevoked(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        long requested, List<LotShare> lots, Origin origin) implements PointsEvent, TakesFromLots {

    public PointsRevoked {
        lots = List.copyOf(lots);
        origin = origin == null ? Origin.UNKNOWN : origin;
        if (amount > 0) {
            TakesFromLots.requireConsistent(amount, lots);
        } else if (amount < 0 || !lots.isEmpty()) {
            throw new IllegalArgumentException("a revocation that takes nothing names no lots");
        }
    }

    /** An event of unknown origin (stored before origins were kept, or built in tests). */
    public PointsRevoked(String id, String accountId, long amount, Instant occurredAt, String correlationId,
            long requested, List<LotShare> lots) {
        this(id, accountId, amount, occurredAt, correlationId, requested, lots, Origin.UNKNOWN);
    }
}
