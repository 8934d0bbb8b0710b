package com.unicornstore.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.platform.domain.Rejection;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Reads the JSON object a client sent: 415 when it is not declared as JSON, 400 when it is not
 * JSON or not a single object. Field-level checks belong to the caller, which knows the fields.
 */
public final class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public ObjectNode readObject(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !isJson(contentType)) {
            throw new Rejection(Rejection.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the body as application/json.");
        }
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw Rejection.invalid("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("body", "is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw Rejection.invalid("body", "must be a JSON object");
        }
        var outOfRange = JsonNumbers.outOfRange(object);
        if (!outOfRange.isEmpty()) {
            throw Rejection.invalid(outOfRange);
        }
        return object;
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
