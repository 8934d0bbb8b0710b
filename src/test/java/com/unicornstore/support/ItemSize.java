package com.unicornstore.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of a DynamoDB item as DynamoDB counts it against its 400 KB limit: attribute names and
 * values in UTF-8, numbers about one byte per two digits plus one, three bytes per list or map
 * plus one per element.
 */
public final class ItemSize {

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static long value(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return (value.n().replace("-", "").length() + 1) / 2 + 1;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream()
                    .mapToLong(entry -> 1 + utf8(entry.getKey()) + value(entry.getValue())).sum();
        }
        throw new IllegalArgumentException("attribute type not measured here: " + value);
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
