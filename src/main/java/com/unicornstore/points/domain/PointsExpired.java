package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/** The remainder of lots past their expiry was forfeited. */
public record PointsExpired(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        List<LotShare> lots) implements PointsEvent, TakesFromLots {

    public PointsExpired {
        lots = List.copyOf(lots);
        TakesFromLots.requireConsistent(amount, lots);
    }
}
