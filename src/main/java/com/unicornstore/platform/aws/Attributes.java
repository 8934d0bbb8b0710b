package com.unicornstore.platform.aws;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing the scalar attributes of DynamoDB items, failing clearly on a missing one. */
public final class Attributes {

    private Attributes() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue time(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("attribute '" + name + "' is missing or not a string");
        }
        return value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("attribute '" + name + "' is missing or not a number");
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute '" + name + "' is not a whole number: " + value.n());
        }
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        try {
            return Instant.parse(string(item, name));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("attribute '" + name + "' is not an ISO-8601 instant");
        }
    }
}
