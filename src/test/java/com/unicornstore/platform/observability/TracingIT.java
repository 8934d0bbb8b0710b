package com.unicornstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** One purchase is one trace: the REST call, each saga step, the SQS hop and the points consumer. */
@PlatformIntegrationTest
@AutoConfigureObservability
class TracingIT {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @TestConfiguration
    static class InMemorySpans {
        @Bean
        SpanProcessor inMemorySpanProcessor() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void locally_no_span_leaves_the_machine_the_otlp_exporter_exists_only_with_an_endpoint() {
        assertThat(context.getEnvironment().getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
    }

    @Test
    void a_purchase_its_saga_steps_and_the_points_consumer_share_one_trace() {
        Api.Response bought = new Api(port).send("POST", "/purchase",
                "{\"userId\":\"alice\",\"productId\":\"1\",\"quantity\":1}", Map.of("Content-Type", "application/json"));
        assertThat(bought.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> spans = SPANS.getFinishedSpanItems();
            SpanData consumed = spans.stream().filter(span -> span.getKind() == io.opentelemetry.api.trace.SpanKind.CONSUMER
                            || describe(span).contains("points-commands") && span.getParentSpanContext().isRemote())
                    .findFirst().orElse(null);
            assertThat(consumed).as("the points consumer's span among %s", names(spans)).isNotNull();
            List<String> trace = spans.stream().filter(span -> span.getTraceId().equals(consumed.getTraceId()))
                    .map(TracingIT::describe).toList();
            assertThat(String.join("\n", trace)).as("spans of the consumer's trace")
                    .contains("/purchase", "retail.reserve-stock", "retail.debit-wallet", "retail.issue-points",
                            "points-commands");
        });
    }

    private static String describe(SpanData span) {
        return span.getKind() + " " + span.getName() + " " + span.getAttributes().asMap().entrySet().stream()
                .map(e -> e.getKey().getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String names(List<SpanData> spans) {
        return spans.stream().map(span -> span.getTraceId().substring(0, 6) + " " + describe(span))
                .collect(Collectors.joining("\n"));
    }
}
