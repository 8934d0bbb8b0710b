package com.unicornstore.platform.web;

import com.unicornstore.platform.domain.Rejection;

/** The {@code limit} query parameter of a paged read: absent means the default, else a whole number 1 to max. */
public final class PageLimits {

    private PageLimits() {}

    public static int parse(String limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
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
