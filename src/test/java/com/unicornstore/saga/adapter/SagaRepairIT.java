package com.unicornstore.saga.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Operators see what a FAILED saga holds, and retry or compensate it over HTTP. */
@PlatformIntegrationTest
@Import(SagaTestRoutes.class)
@TestPropertySource(properties = {
        "unicorn.saga.lease=60s", "unicorn.saga.recovery-interval=59s",
        "unicorn.saga.retry.initial-delay=50ms", "unicorn.saga.retry.max-attempts=3"})
class SagaRepairIT {

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SagaTestRoutes.Participants participants;

    @Autowired
    SagaLog log;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    Api api;

    @BeforeEach
    void reset() {
        participants.reset();
        api = new Api(port);
    }

    @Autowired
    SagaCensus census;

    @Test
    void operators_list_the_failed_sagas_with_their_steps_and_the_failed_gauge_counts_them_until_repaired() {
        String sagaId = failedWhileCompensating("unicorn-33");

        JsonNode failed = api.get("/sagas?state=FAILED&limit=100").json();
        assertThat(failed.get("items").findValuesAsText("id")).contains(sagaId);
        JsonNode listed = failed.get("items").get(failed.get("items").findValuesAsText("id").indexOf(sagaId));
        assertThat(listed.get("steps").findValuesAsText("hold")).containsExactly("held", "released");
        assertThat(census.count().get(SagaState.FAILED)).isGreaterThanOrEqualTo(1L);
        long before = census.count().get(SagaState.FAILED);

        participants.failUndoA(0);
        assertThat(post("/sagas/" + sagaId + "/retry").status()).isEqualTo(200);

        assertThat(api.get("/sagas?state=FAILED&limit=100").json().get("items").findValuesAsText("id"))
                .doesNotContain(sagaId);
        assertThat(census.count().get(SagaState.FAILED)).isEqualTo(before - 1);
        assertThat(api.get("/sagas?state=COMPLETED").status()).isEqualTo(400);
        assertThat(api.get("/sagas?state=FAILED&limit=0").status()).isEqualTo(400);
    }

    @Test
    void a_failed_saga_shows_what_each_step_holds_never_expires_and_an_operator_retry_compensates_it() {
        String sagaId = failedWhileCompensating("unicorn-30");

        JsonNode saga = api.get("/sagas/" + sagaId).json();
        assertThat(saga.get("state").asText()).isEqualTo("FAILED");
        assertThat(saga.get("failed_during").asText()).isEqualTo("COMPENSATING");
        assertThat(saga.get("holding").asBoolean()).isTrue();
        assertThat(saga.get("steps").get(0).get("options").get("item").asText()).isEqualTo("unicorn-30");
        assertThat(saga.get("steps").findValuesAsText("hold")).containsExactly("held", "released");
        assertThat(item(sagaId)).as("a FAILED saga that holds something never expires")
                .doesNotContainKey("expires_at").doesNotContainKey("open_shard");

        participants.failUndoA(0); // the operator fixed what refused it
        Api.Response retried = post("/sagas/" + sagaId + "/retry");

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("state").asText()).isEqualTo("COMPENSATED");
        assertThat(retried.json().get("holding").asBoolean()).isFalse();
        assertThat(retried.json().get("steps").findValuesAsText("hold")).containsExactly("released", "released");
        assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED);
        assertThat(item(sagaId)).containsKey("expires_at");
        // run again from the start: idempotent compensations may run twice
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "undo-b", "undo-a:unicorn-30",
                "undo-a:unicorn-30", "undo-a:unicorn-30", "undo-b", "undo-a:unicorn-30");
    }

    @Test
    void an_operator_compensates_a_failed_saga_once_and_is_refused_what_is_not_failed() {
        String sagaId = failedWhileCompensating("unicorn-31");
        participants.failUndoA(0);

        Api.Response compensated = post("/sagas/" + sagaId + "/compensate");
        Api.Response again = post("/sagas/" + sagaId + "/compensate");
        Api.Response retry = post("/sagas/" + sagaId + "/retry");

        assertThat(compensated.status()).as(compensated.body()).isEqualTo(200);
        assertThat(compensated.json().get("state").asText()).isEqualTo("COMPENSATED");
        for (Api.Response refused : new Api.Response[] {again, retry}) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).endsWith("/saga-not-failed");
        }
        assertThat(participants.calls()).filteredOn(call -> call.startsWith("undo-a")).hasSize(4);
    }

    @Test
    void a_saga_that_failed_while_completing_cannot_be_compensated_but_can_be_retried() {
        participants.failConfirmA(100);
        producer.sendBodyAndHeaders("direct:saga.test-order", "", Map.of("item", "unicorn-32", "fail", "no"));
        String sagaId = participants.sagaId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.FAILED));
        assertThat(api.get("/sagas/" + sagaId).json().get("steps").findValuesAsText("hold"))
                .containsExactly("held", "confirmed");

        Api.Response compensate = post("/sagas/" + sagaId + "/compensate");
        participants.failConfirmA(0);
        Api.Response retried = post("/sagas/" + sagaId + "/retry");

        assertThat(compensate.status()).isEqualTo(409);
        assertThat(compensate.json().get("type").asText()).endsWith("/saga-completing");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(participants.calls()).doesNotContain("undo-a:unicorn-32", "undo-b")
                .filteredOn("confirm-b"::equals).hasSize(2);
    }

    @Test
    void repairing_an_unknown_saga_is_a_404_and_a_malformed_id_a_400() {
        Api.Response unknown = post("/sagas/no-such-saga/retry");
        Api.Response malformed = post("/sagas/not%20a%20saga/compensate");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith("/saga-not-found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    /** A saga whose step a refuses every compensation until the retry budget (3) is spent. */
    private String failedWhileCompensating(String item) {
        participants.failUndoA(100);
        assertThatThrownBy(() -> producer.sendBodyAndHeaders("direct:saga.test-order", "",
                Map.of("item", item, "fail", "yes"))).isInstanceOf(CamelExecutionException.class);
        String sagaId = participants.sagaId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.FAILED));
        return sagaId;
    }

    /** An operator's POST: no body. */
    private Api.Response post(String path) {
        return api.send("POST", path, null, Map.of());
    }

    private Map<String, AttributeValue> item(String sagaId) {
        return dynamo.getItem(b -> b.tableName(names.tables().sagas())
                .key(Map.of("saga_id", AttributeValue.fromS(sagaId))).consistentRead(true)).item();
    }
}
