package com.unicornstore.points.domain;

/** Issue {@code amount} points as a new lot. */
public record IssuePoints(String accountId, long amount, String correlationId) implements PointsCommand {}
