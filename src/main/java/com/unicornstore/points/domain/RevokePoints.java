package com.unicornstore.points.domain;

/** Take back up to {@code amount} points, first from the lot issued under the same correlation id. */
public record RevokePoints(String accountId, long amount, String correlationId) implements PointsCommand {}
