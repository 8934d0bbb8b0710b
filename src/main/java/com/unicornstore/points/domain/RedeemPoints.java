package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;

/** Spend {@code amount} points, oldest unexpired lots first; refused when the unexpired balance is short. */
public record RedeemPoints(String accountId, long amount, String correlationId, Origin origin) implements PointsCommand {

    public RedeemPoints {
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    public RedeemPoints(String accountId, long amount, String correlationId) {
        this(accountId, amount, correlationId, Origin.UNKNOWN);
    }
}
