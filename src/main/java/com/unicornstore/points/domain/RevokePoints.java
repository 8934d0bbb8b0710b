package com.unicornstore.points.domain;

/**
 * Take back up to {@code amount} points of the purchase {@code correlationId}. {@code issued} is
 * what its issue was, when the caller knows it from the purchase's record; null lets the account
 * find it in its recent commands or in a lot of schema 1.
 */
public record RevokePoints(String accountId, long amount, String correlationId, PurchaseIssue issued)
        implements PointsCommand {

    public RevokePoints(String accountId, long amount, String correlationId) {
        this(accountId, amount, correlationId, null);
    }

    public RevokePoints withIssue(PurchaseIssue issue) {
        return new RevokePoints(accountId, amount, correlationId, issue);
    }
}
