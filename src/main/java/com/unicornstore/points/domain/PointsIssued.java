package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;

/**
 * Points were issued into lot {@code lotId} (the bucket of their issue time), spendable until
 * {@code expiresAt}. Schema 1 gave every issue a lot of its own, named by the event's id.
 */
public record PointsIssued(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        Instant expiresAt, String lotId, Origin origin) implements PointsEvent {

    public PointsIssued {
        origin = origin == null ? Origin.UNKNOWN : origin;
        PointsAmount.requireValid(amount);
        if (lotId == null) {
            throw new IllegalArgumentException("an issue names the lot it goes into");
        }
    }

    /** An issue of unknown origin. */
    public PointsIssued(String id, String accountId, long amount, Instant occurredAt, String correlationId,
            Instant expiresAt, String lotId) {
        this(id, accountId, amount, occurredAt, correlationId, expiresAt, lotId, Origin.UNKNOWN);
    }

    /** An issue in a lot of its own (the lot id is the event id), as schema 1 stored every issue. */
    public PointsIssued(String id, String accountId, long amount, Instant occurredAt, String correlationId,
            Instant expiresAt) {
        this(id, accountId, amount, occurredAt, correlationId, expiresAt, id);
    }

    /** True when this issue has a lot of its own (schema 1), which keeps its correlation id. */
    public boolean ownsItsLot() {
        return lotId.equals(id);
    }
}
