package com.unicornstore.saga.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import com.unicornstore.support.BackgroundRoutes;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Camel's Saga EIP driven by the durable saga service, against the DynamoDB saga log. */
@PlatformIntegrationTest
@Import(SagaTestRoutes.class)
@TestPropertySource(properties = {
        // recovery off for these tests: it would run after the test, on a lease longer still
        "unicorn.saga.lease=2h", "unicorn.saga.recovery-interval=1h", "unicorn.retail.keep-release-markers=PT3H",
        "unicorn.saga.retry.initial-delay=50ms", "unicorn.saga.retry.max-attempts=3"})
class DurableSagaServiceIT {

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SagaTestRoutes.Participants participants;

    @Autowired
    SagaLog log;

    @Autowired
    DurableSagaService service;

    @Autowired
    AwsCallCounter calls;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    @Autowired
    CamelContext camel;

    @BeforeEach
    void reset() {
        participants.reset();
    }

    @Test
    void a_saga_that_ends_well_runs_its_completions_last_step_first_and_is_logged_completed() {
        producer.sendBodyAndHeaders("direct:saga.test-order", "", Map.of("item", "unicorn-1", "fail", "no"));

        String sagaId = participants.sagaId();
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "confirm-b", "confirm-a");
        assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPLETED);
        assertThat(log.find(sagaId).orElseThrow().steps()).hasSize(2);
        var item = dynamo.getItem(b -> b.tableName(names.tables().sagas())
                .key(Map.of("saga_id", AttributeValue.fromS(sagaId)))).item();
        assertThat(item).as("a finished saga leaves the open-sagas index").doesNotContainKey("open_shard");
        assertThat(Long.parseLong(item.get("expires_at").n())).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void a_failed_saga_runs_its_compensations_last_step_first_with_the_option_values() {
        assertThatThrownBy(() -> producer.sendBodyAndHeaders("direct:saga.test-order", "",
                Map.of("item", "unicorn-7", "fail", "yes"))).isInstanceOf(CamelExecutionException.class);

        String sagaId = participants.sagaId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED));
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "undo-b", "undo-a:unicorn-7");
    }

    @Test
    void a_compensation_that_fails_for_a_while_is_retried_until_it_succeeds() {
        participants.failUndoA(2);

        assertThatThrownBy(() -> producer.sendBodyAndHeaders("direct:saga.test-order", "",
                Map.of("item", "unicorn-2", "fail", "yes"))).isInstanceOf(CamelExecutionException.class);

        String sagaId = participants.sagaId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED));
        assertThat(participants.calls()).filteredOn(c -> c.startsWith("undo-a")).hasSize(3);
        assertThat(log.find(sagaId).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void past_its_retry_budget_a_saga_is_failed_and_says_why() {
        participants.failUndoA(100);

        assertThatThrownBy(() -> producer.sendBodyAndHeaders("direct:saga.test-order", "",
                Map.of("item", "unicorn-3", "fail", "yes"))).isInstanceOf(CamelExecutionException.class);

        String sagaId = participants.sagaId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.FAILED));
        SagaRecord failed = log.find(sagaId).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("saga.test-undo-a").contains("undo-a refused");
    }

    @Test
    void a_saga_abandoned_by_a_dead_instance_is_taken_over_and_compensated() {
        String sagaId = UUID.randomUUID().toString();
        log.appendStep(sagaId, new SagaStep("direct://saga.test-undo-a", null, Map.of("item", "unicorn-9")),
                "instance-that-died", Instant.now().minusSeconds(1));

        // one round of the recovery sweep: a sweep per index shard
        assertThat(IntStream.range(0, DynamoDbSagaLog.SHARDS).map(sweep -> service.recoverAbandoned()).sum()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED));
        assertThat(participants.calls()).containsExactly("undo-a:unicorn-9");
        assertThat(participants.sagaId()).isEqualTo(sagaId);
    }

    @Test
    void only_one_instance_can_take_over_an_abandoned_saga() {
        String sagaId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        log.appendStep(sagaId, new SagaStep("direct://saga.test-undo-a", null, Map.of()), "dead", now.minusSeconds(1));

        boolean first = log.takeOver(sagaId, "instance-1", now.plusSeconds(30), now).isPresent();
        boolean second = log.takeOver(sagaId, "instance-2", now.plusSeconds(30), now).isPresent();

        assertThat(List.of(first, second)).containsExactly(true, false);
        assertThat(log.find(sagaId).orElseThrow().owner()).isEqualTo("instance-1");
    }

    @Test
    void stopping_a_route_that_uses_the_saga_service_leaves_it_running_for_the_others() throws Exception {
        // the recovery route calls the service through the bean processor, which stops the beans it calls
        camel.getRouteController().stopRoute("saga.recover-abandoned");
        try {
            producer.sendBodyAndHeaders("direct:saga.test-order", "", Map.of("item", "unicorn-5", "fail", "no"));

            assertThat(log.find(participants.sagaId())).map(SagaRecord::state).contains(SagaState.COMPLETED);
            assertThat(participants.calls()).containsExactly("do-a", "do-b", "confirm-b", "confirm-a");
        } finally {
            camel.getRouteController().startRoute("saga.recover-abandoned");
        }
    }

    @Test
    void a_two_step_saga_costs_its_record_one_write_per_step_and_one_per_transition() throws Exception {
        BackgroundRoutes background = BackgroundRoutes.stop(camel);
        Map<String, Long> before = calls.snapshot();

        producer.sendBodyAndHeaders("direct:saga.test-order", "", Map.of("item", "unicorn-4", "fail", "no"));
        Map<String, Long> made = AwsCallCounter.difference(before, calls.snapshot());
        background.resume();

        // the record before the first step; append a, append b, RUNNING->COMPLETING (its reply carries
        // the steps), COMPLETING->COMPLETED; no reads
        assertThat(made).isEqualTo(Map.of("DynamoDb.PutItem", 1L, "DynamoDb.UpdateItem", 4L));
    }
}
