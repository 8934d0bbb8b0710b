package com.unicornstore.platform.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The one rule for identifiers that come from outside: 1-64 characters of {@code [A-Za-z0-9._@-]}. */
public final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private Identifiers() {}

    public static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * A name-based (version 3) UUID of the parts, joined by new lines: the same parts always name the
     * same thing, so a retry finds what its first attempt made.
     */
    public static String nameBased(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Returns the value, or throws a 400-kind rejection naming the field. */
    public static String require(String field, String value) {
        List<Rejection.Violation> violations = new ArrayList<>(1);
        collect(field, value, violations);
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
        return value;
    }

    /** Adds the problem with the value, if any, to a list of problems that will be refused together. */
    public static void collect(String field, String value, List<Rejection.Violation> violations) {
        if (value == null || value.isEmpty()) {
            violations.add(new Rejection.Violation(field, "is required"));
        } else if (!isValid(value)) {
            violations.add(new Rejection.Violation(field, "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'"));
        }
    }
}
