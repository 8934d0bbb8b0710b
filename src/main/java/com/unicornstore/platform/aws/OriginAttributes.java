package com.unicornstore.platform.aws;

import com.unicornstore.platform.domain.Origin;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link Origin} of a change as item attributes ({@code principal}, {@code channel},
 * {@code message_id}); null fields are not written, and an item written before origins were
 * kept reads as {@link Origin#UNKNOWN}.
 */
public final class OriginAttributes {

    public static final String PRINCIPAL = "principal";
    public static final String CHANNEL = "channel";
    public static final String MESSAGE_ID = "message_id";

    private OriginAttributes() {}

    public static void put(Map<String, AttributeValue> item, Origin origin) {
        putIfPresent(item, PRINCIPAL, origin.principal());
        putIfPresent(item, CHANNEL, origin.channel());
        putIfPresent(item, MESSAGE_ID, origin.messageId());
    }

    public static Origin read(Map<String, AttributeValue> item) {
        return new Origin(optional(item, PRINCIPAL), optional(item, CHANNEL), optional(item, MESSAGE_ID));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String optional(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
