package com.unicornstore.points.domain;

/** Forfeit whatever remains in lots past their expiry. */
public record ExpirePoints(String accountId) implements PointsCommand {}
