package com.unicornstore.points.domain;

/** Spend {@code amount} points, oldest unexpired lots first; refused when the unexpired balance is short. */
public record RedeemPoints(String accountId, long amount, String correlationId) implements PointsCommand {}
