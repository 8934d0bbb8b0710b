package com.unicornstore.points.domain;

/** The one rule for an amount of points in a command: a whole number from 1 to 1,000,000,000. */
public final class PointsAmount {

    public static final long MIN = 1;
    public static final long MAX = 1_000_000_000L;

    private PointsAmount() {}

    public static boolean isValid(long amount) {
        return amount >= MIN && amount <= MAX;
    }

    static void requireValid(long amount) {
        if (!isValid(amount)) {
            throw new IllegalArgumentException("an amount of points is from 1 to 1,000,000,000, not " + amount);
        }
    }
}
