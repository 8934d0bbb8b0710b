package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.List;

/** Points were spent, taken from the oldest unexpired lots first, as listed in {@code lots}. */
public record PointsRedeemed(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        List<LotShare> lots, Origin origin) implements PointsEvent, TakesFromLots {

    public PointsRedeemed {
        lots = List.copyOf(lots);
        origin = origin == null ? Origin.UNKNOWN : origin;
        TakesFromLots.requireConsistent(amount, lots);
    }

    /** An event of unknown origin (stored before origins were kept, or built in tests). */
    public PointsRedeemed(String id, String accountId, long amount, Instant occurredAt, String correlationId,
            List<LotShare> lots) {
        this(id, accountId, amount, occurredAt, correlationId, lots, Origin.UNKNOWN);
    }
}
