package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;

/**
 * Take back up to {@code amount} points of the purchase {@code correlationId}. {@code issued} is
 * what its issue was, when the caller knows it from the purchase's record; null lets the account
 * find it in its recent commands or in a lot of schema 1.
 */
public record RevokePoints(String accountId, long amount, String correlationId, PurchaseIssue issued, Origin origin)
        implements PointsCommand {

    public RevokePoints {
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public RevokePoints(String accountId, long amount, String correlationId, Origin origin) {
        this(accountId, amount, correlationId, null, origin);
    }

    public RevokePoints(String accountId, long amount, String correlationId) {
        this(accountId, amount, correlationId, null, Origin.UNKNOWN);
    }

    public RevokePoints withIssue(PurchaseIssue issue) {
        return new RevokePoints(accountId, amount, correlationId, issue, origin);
    }
}
