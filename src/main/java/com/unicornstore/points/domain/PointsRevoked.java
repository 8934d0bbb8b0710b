package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/**
 * Points were taken back (a compensated purchase, a refund). {@code requested} is what the caller
 * asked for; {@code amount} what could be taken without making the balance negative.
 */
public record PointsRevoked(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        long requested, List<LotShare> lots) implements PointsEvent, TakesFromLots {

    public PointsRevoked {
        lots = List.copyOf(lots);
        TakesFromLots.requireConsistent(amount, lots);
    }
}
