package com.unicornstore.campaign.domain;

import com.unicornstore.campaign.domain.PathLanguage.DocumentPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A purchase event as rules see it: a JSON-like document of maps, lists and scalars. A path that
 * is costly to read is read once per event, however many rules and formulas mention it.
 */
public final class EventDocument {

    private static final Object NOTHING = new Object();

    private final Map<String, Object> document;
    private final String client;
    private final Instant occurredAt;
    private Map<String, Object> found;

    public EventDocument(Map<String, Object> document, String client, Instant occurredAt) {
        this.document = document;
        this.client = client;
        this.occurredAt = occurredAt;
    }

    public String client() {
        return client;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The value the path finds, or null when it finds nothing. */
    public Object read(DocumentPath path) {
        if (path.cheapToRead()) {
            return path.read(document);
        }
        if (found == null) {
            found = new HashMap<>();
        }
        Object value = found.get(path.expression());
        if (value == null) {
            value = path.read(document);
            found.put(path.expression(), value == null ? NOTHING : value);
            return value;
        }
        return value == NOTHING ? null : value;
    }
}
