package com.unicornstore.platform.domain;

/** The {@code limit} of a paginated read: a whole number from 1 to a maximum, a default when absent, 400 otherwise. */
public final class PageSize {

    /** Most items one page holds, for every paginated read that does not say otherwise. */
    public static final int MAX = 100;
    /** Items in a page when the client does not say. */
    public static final int DEFAULT = 20;

    private PageSize() {}

    public static int of(String limit) {
        return of(limit, DEFAULT, MAX);
    }

    /** As {@link #of(String)}, for a read with its own default and maximum. */
    public static int of(String limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw Rejection.invalid("limit", "must be a whole number from 1 to " + max);
    }
}
