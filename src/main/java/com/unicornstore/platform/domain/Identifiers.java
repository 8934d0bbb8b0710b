package com.unicornstore.platform.domain;

import java.util.regex.Pattern;

/** The one rule for identifiers that come from outside: 1-64 characters of {@code [A-Za-z0-9._@-]}. */
public final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private Identifiers() {}

    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** Returns the value, or throws a 400-kind rejection naming the field. */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid(field, "is required");
        }
        if (!isValid(value)) {
            throw Rejection.invalid(field, "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'");
        }
        return value;
    }
}
