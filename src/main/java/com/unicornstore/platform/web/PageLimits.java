package com.unicornstore.platform.web;

import com.unicornstore.platform.domain.Rejection;

/** The {@code limit} query parameter of paged reads: 1-100, default 20; anything else is a 400 naming it. */
public final class PageLimits {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimits() {}

    public static int parse(String limit) {
        if (limit == null) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw Rejection.invalid("limit", "must be a whole number from 1 to " + MAX);
    }
}
