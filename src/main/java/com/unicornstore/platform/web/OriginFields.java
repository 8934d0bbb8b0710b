package com.unicornstore.platform.web;

import com.unicornstore.platform.domain.Origin;
import java.util.Map;

/** The {@link Origin} of a change in a JSON view: {@code principal}, {@code channel}, {@code message_id}, null fields left out. */
public final class OriginFields {

    private OriginFields() {}

    public static void put(Map<String, Object> view, Origin origin) {
        if (origin.principal() != null) {
            view.put("principal", origin.principal());
        }
        if (origin.channel() != null) {
            view.put("channel", origin.channel());
        }
        if (origin.messageId() != null) {
            view.put("message_id", origin.messageId());
        }
    }
}
