package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/** Points were spent, taken from the oldest unexpired lots first, as listed in {@code lots}. */
public record PointsRedeemed(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        List<LotShare> lots) implements PointsEvent, TakesFromLots {

    public PointsRedeemed {
        lots = List.copyOf(lots);
        TakesFromLots.requireConsistent(amount, lots);
    }
}
