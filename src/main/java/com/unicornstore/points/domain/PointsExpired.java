package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.List;

/** The remainder of lots past their expiry was forfeited. */
public record PointsExpired(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        List<LotShare> lots, Origin origin) implements PointsEvent, TakesFromLots {

    public PointsExpired {
        lots = List.copyOf(lots);
        origin = origin == null ? Origin.UNKNOWN : origin;
        TakesFromLots.requireConsistent(amount, lots);
    }

    /** An event of unknown origin (stored before origins were kept, or built in tests). */
    public PointsExpired(String id, String accountId, long amount, Instant occurredAt, String correlationId,
            List<LotShare> lots) {
        this(id, accountId, amount, occurredAt, correlationId, lots, Origin.UNKNOWN);
    }
}
