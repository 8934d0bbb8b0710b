package com.unicornstore.campaign.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.campaign.domain.EventDocument;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a purchase event, as a Map from another route or as JSON text, into the document rules
 * are evaluated against. It needs a valid {@code client}; {@code occurred_at} (ISO-8601 with an
 * offset) defaults to now. Numbers with a fraction are read as exact decimals.
 */
public final class PurchaseEvents {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;
    private final Clock clock;

    public PurchaseEvents(ObjectMapper json, Clock clock) {
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = clock;
    }

    public EventDocument read(Object body) {
        Map<String, Object> document = document(body);
        List<Violation> violations = new ArrayList<>();
        Object client = document.get("client");
        if (!(client instanceof String) && client != null) {
            violations.add(new Violation("client", "must be a string"));
        } else {
            Identifiers.collect("client", (String) client, violations);
        }
        Instant occurredAt = occurredAt(document.get("occurred_at"), violations);
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
        return new EventDocument(document, (String) client, occurredAt);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> document(Object body) {
        try {
            if (body instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            if (body instanceof JsonNode node && node.isObject()) {
                return json.convertValue(node, OBJECT);
            }
            if (body instanceof String text && !text.isBlank()) {
                return json.readValue(text, OBJECT);
            }
            if (body instanceof byte[] bytes && bytes.length > 0) {
                return json.readValue(bytes, OBJECT);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Rejection.invalid("body", "a purchase event must be a JSON object");
        }
        throw Rejection.invalid("body", "a purchase event (a JSON object) is required");
    }

    private Instant occurredAt(Object value, List<Violation> violations) {
        if (value == null) {
            return clock.instant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        try {
            return OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation("occurred_at", "must be an ISO-8601 date-time with an offset, e.g. 2025-01-31T10:00:00Z"));
            return null;
        }
    }
}
