package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of a client's JSON object, collecting every problem instead of stopping
 * at the first; {@link #orReject()} then refuses the request naming each bad field.
 */
public final class JsonFields {

    private final ObjectNode body;
    private final List<Violation> violations = new ArrayList<>();

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    public static JsonFields of(ObjectNode body) {
        return new JsonFields(body);
    }

    /** A required identifier (1-64 of [A-Za-z0-9._@-]); null when missing or invalid. */
    public String identifier(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        if (!Identifiers.isValid(node.textValue())) {
            violations.add(new Violation(field, "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'"));
            return null;
        }
        return node.textValue();
    }

    /** A required string of 1 to {@code maxLength} characters; null when missing or invalid. */
    public String text(String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > maxLength) {
            violations.add(new Violation(field, "must be a string of 1 to " + maxLength + " characters"));
            return null;
        }
        return node.textValue();
    }

    /** A required JSON integer (not a string, not a fraction) within [min, max]; 0 when missing or invalid. */
    public long integer(String field, long min, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "is required"));
            return 0;
        }
        if (!node.isIntegralNumber()) {
            violations.add(new Violation(field, "must be a whole number (a JSON integer)"));
            return 0;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            violations.add(new Violation(field, "must be from " + min + " to " + max));
            return 0;
        }
        return value.longValueExact();
    }

    /** Throws a 400 rejection listing every problem found so far; does nothing when there is none. */
    public void orReject() {
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
    }
}
