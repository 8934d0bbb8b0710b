package com.unicornstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import com.unicornstore.saga.adapter.SagaCensus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/prometheus shows what operators watch, to operators only. */
@PlatformIntegrationTest
@AutoConfigureObservability
class MetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    SagaCensus sagas;

    @Autowired
    QueueDepths queues;

    Api operator;

    @BeforeEach
    void operator() {
        operator = Api.basic(port, "admin", "unicorn-admin");
    }

    @Test
    void a_purchase_shows_in_route_saga_purchase_points_aws_and_projection_metrics() {
        Api integrator = new Api(port);
        Map<String, String> json = Map.of("Content-Type", "application/json", "Idempotency-Key", "metrics-1");
        String order = "{\"userId\":\"alice\",\"productId\":\"1\",\"quantity\":1}";
        Api.Response bought = integrator.send("POST", "/purchase", order, json);
        assertThat(bought.status()).isEqualTo(201);
        assertThat(integrator.send("POST", "/purchase", order, json).header("Idempotency-Replayed")).isEqualTo("true");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape())
                .contains("camel_exchanges_total{", "routeId=\"retail.purchase-saga\"")
                .containsPattern("unicorn_saga_duration_seconds_count\\{[^}]*outcome=\"COMPLETED\"[^}]*} [1-9]")
                .containsPattern("unicorn_purchases_total\\{[^}]*outcome=\"COMPLETED\"[^}]*} 1\\.0")
                .containsPattern("unicorn_points_total\\{[^}]*kind=\"issued\"[^}]*} 170\\.0")
                .containsPattern("unicorn_aws_calls_total\\{[^}]*operation=\"PutItem\"[^}]*service=\"DynamoDb\"")
                .containsPattern("unicorn_idempotent_replays_total\\{[^}]*namespace=\"http\"[^}]*} 1\\.0")
                .containsPattern("unicorn_projection_lag_distribution_seconds_bucket\\{")
                .containsPattern("unicorn_projection_lag_distribution_seconds_count [1-9]")
                .containsPattern("unicorn_projection_lag_seconds [0-9]"));

        // then some are spent, and the purchase is refunded: its points revoked
        assertThat(integrator.json("DELETE", "/points", "{\"account_id\":\"alice\",\"amount\":20}").status()).isEqualTo(200);
        assertThat(integrator.send("POST", "/purchase/" + bought.json().get("purchase_id").asText() + "/refund", null, Map.of())
                .status()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("unicorn_points_total\\{[^}]*kind=\"redeemed\"[^}]*} 20\\.0")
                .containsPattern("unicorn_points_total\\{[^}]*kind=\"revoked\"[^}]*} [1-9]"));
    }

    @Test
    void failed_sagas_and_dead_letters_are_gauges_counted_off_the_request_path() {
        sagas.count(); // what the timer routes saga.count-by-state and platform.measure-queue-depths do
        queues.measure();

        assertThat(scrape())
                .containsPattern("unicorn_sagas_failed 0\\.0")
                .containsPattern("unicorn_sagas\\{[^}]*state=\"FAILED\"[^}]*}")
                .containsPattern("unicorn_queue_depth\\{[^}]*queue=\"unicorn-points-commands-dlq\",role=\"dead-letter\"[^}]*} 0\\.0");
    }

    @Test
    void only_an_operator_reads_the_metrics() {
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.basic(port, "derick", "unicorn").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(operator.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    private String scrape() {
        Api.Response response = operator.send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
