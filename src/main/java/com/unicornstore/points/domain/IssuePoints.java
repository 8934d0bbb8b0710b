package com.unicornstore.points.domain;

/** Issue {@code amount} points into the lot (bucket) of the current time. */
public record IssuePoints(String accountId, long amount, String correlationId) implements PointsCommand {}
