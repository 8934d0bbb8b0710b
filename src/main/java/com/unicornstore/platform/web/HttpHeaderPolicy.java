package com.unicornstore.platform.web;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which headers cross the HTTP edge. Inbound, every header a client could use to steer Camel
 * (anything named {@code Camel*}, or the saga's {@code Long-Running-Action}) is dropped. Outbound,
 * only the response headers the API documents are written, so internal headers (path parameters,
 * AWS results) never leak to clients.
 */
public final class HttpHeaderPolicy implements HeaderFilterStrategy {

    private static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-type", "location", "retry-after", "idempotency-replayed", "etag", "cache-control",
            "allow", "link");

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("camel") || lower.startsWith("org.apache.camel") || lower.equals("long-running-action");
    }
}
