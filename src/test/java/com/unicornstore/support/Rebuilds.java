package com.unicornstore.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a projection rebuild through the operator API, as an operator would: start it, then follow it until it ends. */
public final class Rebuilds {

    private Rebuilds() {}

    /** Starts a rebuild with this query (e.g. {@code ?account_id=x&repair=true}), waiting out one that still runs; its final report. */
    public static JsonNode run(Api operator, String query) {
        AtomicReference<Api.Response> started = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            started.set(operator.send("POST", "/points/projection/rebuild" + query, null, Map.of()));
            return started.get().status() != 409;
        });
        return followed(operator, started.get());
    }

    /** The final report of the rebuild this 202 answer started (from the rebuild or another operator route). */
    public static JsonNode followed(Api operator, Api.Response started) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo(started.json().get("self").asText());
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job.set(operator.get(location).json());
            return !"RUNNING".equals(job.get().get("state").asText());
        });
        assertThat(job.get().get("state").asText()).as(job.get().toString()).isEqualTo("DONE");
        return job.get();
    }
}
