package com.unicornstore.points.domain;

import java.time.Instant;

/** Points were issued: they form one lot, spendable until {@code expiresAt}. The lot's id is the event's id. */
public record PointsIssued(String id, String accountId, long amount, Instant occurredAt, String correlationId,
        Instant expiresAt) implements PointsEvent {

    public PointsIssued {
        PointsAmount.requireValid(amount);
    }
}
