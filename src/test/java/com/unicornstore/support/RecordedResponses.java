package com.unicornstore.support;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Every answer the integration tests of this JVM received through {@link Api} (the most recent
 * {@link #LIMIT}), so that {@code ApiContractIT} can check them against the document's schemas.
 */
public final class RecordedResponses {

    static final int LIMIT = 20_000;
    private static final ArrayDeque<Recorded> RECORDED = new ArrayDeque<>(LIMIT);

    /** One answer: the request's method and path (no query), and what came back. */
    public record Recorded(String method, String path, int status, String contentType, String body) {}

    private RecordedResponses() {}

    static synchronized void record(HttpResponse<String> response) {
        if (RECORDED.size() == LIMIT) {
            RECORDED.removeFirst(); // a ring: dropping the oldest copies nothing
        }
        RECORDED.add(new Recorded(response.request().method(), response.request().uri().getPath(),
                response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body()));
    }

    public static synchronized List<Recorded> all() {
        return List.copyOf(RECORDED);
    }
}
