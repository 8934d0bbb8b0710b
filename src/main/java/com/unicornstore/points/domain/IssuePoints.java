package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;

/** Issue {@code amount} points into the lot (bucket) of the current time, on behalf of {@code origin}. */
public record IssuePoints(String accountId, long amount, String correlationId, Origin origin) implements PointsCommand {

    public IssuePoints {
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public IssuePoints(String accountId, long amount, String correlationId) {
        this(accountId, amount, correlationId, Origin.UNKNOWN);
    }
}
