package com.unicornstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
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
    private static final String STEP_LOGGER = "com.unicornstore.tracing-it";

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

    @Autowired
    CamelContext camel;

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

    @Test
    void a_line_logged_in_a_purchase_step_carries_the_purchase_id_and_the_trace_id_of_its_spans() throws Exception {
        AdviceWith.adviceWith(camel, "retail.issue-points", route -> route
                .weaveByToString("Enrich\\[.*points.send-command.*").after()
                .log(LoggingLevel.INFO, STEP_LOGGER, "points sent"));
        Logger logger = (Logger) LoggerFactory.getLogger(STEP_LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            Api.Response bought = new Api(port).send("POST", "/purchase",
                    "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}", Map.of("Content-Type", "application/json"));
            assertThat(bought.status()).isEqualTo(201);
            String purchaseId = bought.json().get("purchase_id").asText();

            assertThat(lines.list).hasSize(1);
            Map<String, String> context = lines.list.get(0).getMDCPropertyMap();
            assertThat(context).containsEntry(PurchaseIdLogging.MDC_KEY, purchaseId).containsKey("trace_id");
            String traceId = context.get("trace_id");
            // the same line as the aws profile writes it (logging.structured.format.console: ecs): a JSON
            // line whose members name the purchase, the trace and the span
            StructuredLogEncoder ecs = new StructuredLogEncoder();
            ecs.setFormat("ecs");
            ecs.setContext(logger.getLoggerContext());
            ecs.start();
            JsonNode line = new ObjectMapper().readTree(ecs.encode(lines.list.get(0)));
            assertThat(line.path("purchase_id").asText()).isEqualTo(purchaseId);
            assertThat(line.path("trace_id").asText()).isEqualTo(traceId);
            assertThat(line.path("span_id").asText()).isEqualTo(context.get("span_id")).isNotBlank();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SPANS.getFinishedSpanItems())
                    .filteredOn(span -> span.getTraceId().equals(traceId)).map(TracingIT::describe)
                    .anyMatch(span -> span.contains("retail.issue-points")));
        } finally {
            logger.detachAppender(lines);
        }
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
