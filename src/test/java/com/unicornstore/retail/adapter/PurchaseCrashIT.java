package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.Api;
import com.unicornstore.support.ForkedApplication;
import com.unicornstore.support.Sweeps;
import com.unicornstore.support.PlatformIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two instances share one backend: instance A (a child JVM, {@link StallingInstance}) is killed
 * with {@code kill -9} in the middle of two purchase sagas; instance B (this test's application)
 * takes them over once A's lease runs out and ends each: the one still RUNNING is compensated,
 * the one that was COMPLETING is completed.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"unicorn.saga.lease=3s", "unicorn.saga.recovery-interval=1s", Sweeps.EVERY_SHARD})
class PurchaseCrashIT extends CrashTest {

    private static final String RUNNING_SHOPPER = "crash-running";
    private static final String COMPLETING_SHOPPER = "crash-completing";
    private static final String STOPPED_RUNNING_SHOPPER = "stop-running";
    private static final String STOPPED_COMPLETING_SHOPPER = "stop-completing";

    @Autowired
    DynamoDbClient dynamo;

    @Override
    List<String> crashShoppers() {
        return List.of(RUNNING_SHOPPER, COMPLETING_SHOPPER, STOPPED_RUNNING_SHOPPER, STOPPED_COMPLETING_SHOPPER);
    }

    @Test
    void purchases_interrupted_by_kill_minus_9_end_compensated_or_completed_on_the_surviving_instance() {
        startInstanceAAndBuyOnIt(RUNNING_SHOPPER, COMPLETING_SHOPPER, "3s");
        String running = awaitSagaOf(RUNNING_SHOPPER, SagaState.RUNNING, 3);
        String completing = awaitSagaOf(COMPLETING_SHOPPER, SagaState.COMPLETING, 3);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String shopper : List.of(RUNNING_SHOPPER, COMPLETING_SHOPPER)) {
                assertThat(stock(shopper)).isEqualTo(STOCK - 1);
                assertThat(wallet(shopper)).isEqualTo(BALANCE - PRICE);
                assertThat(points(shopper)).isEqualTo(POINTS);
            }
        });
        String ownerA = instanceA_keeps_its_sagas_while_it_lives(running, completing);
        assertThat(purchase(purchaseOf(COMPLETING_SHOPPER)).get("status").asText()).isEqualTo("PENDING");

        instanceA.killHard();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sagas.find(running)).map(SagaRecord::state).contains(SagaState.COMPENSATED);
            assertThat(sagas.find(completing)).map(SagaRecord::state).contains(SagaState.COMPLETED);
        });
        assertThat(sagas.find(running).orElseThrow().owner()).isNotEqualTo(ownerA);
        assertThat(sagas.find(completing).orElseThrow().owner()).isNotEqualTo(ownerA);
        the_running_purchase_is_undone_exactly();
        the_completing_purchase_is_completed();
    }

    /**
     * SIGTERM instead of kill -9: within its configured stop time (requests, then in-flight exchanges)
     * A exits and gives its sagas' leases back, so B finishes them long before a lease of A's 60 s
     * would have run out.
     */
    @Test
    void purchases_of_an_instance_stopped_with_sigterm_are_handed_over_at_once_not_after_their_lease() {
        startInstanceAAndBuyOnIt(STOPPED_RUNNING_SHOPPER, STOPPED_COMPLETING_SHOPPER, "60s",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s", "--camel.main.shutdown-timeout=2");
        String running = awaitSagaOf(STOPPED_RUNNING_SHOPPER, SagaState.RUNNING, 3);
        String completing = awaitSagaOf(STOPPED_COMPLETING_SHOPPER, SagaState.COMPLETING, 3);
        String ownerA = sagas.find(running).orElseThrow().owner();
        Instant leaseRunsOut = sagas.find(running).orElseThrow().leaseUntil();

        assertThat(instanceA.stopGracefully(Duration.ofSeconds(30))).as("A exited after SIGTERM (see %s)",
                instanceA.output()).isTrue();

        assertThat(sagaLinesOfA()).as("A gave both leases back").anyMatch(line -> line.contains(
                "Saga " + running + " handed over")).anyMatch(line -> line.contains("Saga " + completing + " handed over"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(sagas.find(running)).as("A's saga lines: %s", sagaLinesOfA()).map(SagaRecord::state)
                    .contains(SagaState.COMPENSATED);
            assertThat(sagas.find(completing)).as("A's saga lines: %s", sagaLinesOfA()).map(SagaRecord::state)
                    .contains(SagaState.COMPLETED);
        });
        assertThat(Instant.now()).as("handed over, not left to expire").isBefore(leaseRunsOut);
        assertThat(sagas.find(running).orElseThrow().owner()).isNotEqualTo(ownerA);
        assertThat(sagas.find(completing).orElseThrow().owner()).isNotEqualTo(ownerA);
    }

    /** What instance A logged about sagas: the first thing to read when a hand-over fails. */
    private List<String> sagaLinesOfA() {
        try (var lines = java.nio.file.Files.lines(instanceA.output())) {
            return lines.filter(line -> line.contains("Saga ") || line.contains("saga ")).toList();
        } catch (java.io.IOException e) {
            return List.of("(no log: " + e + ")");
        }
    }

    /** Starts instance A and posts one purchase per shopper to it: requests that never answer, as A stalls them. */
    private void startInstanceAAndBuyOnIt(String runningShopper, String completingShopper, String lease,
            String... settings) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--unicorn.saga.lease=" + lease,
                "--unicorn.saga.recovery-interval=2s", "--crash-test.stall-running=" + runningShopper,
                // B reads the stream: A, killed, would otherwise stall the projection until its lease lapsed
                CrashTest.NOT_READING_THE_STREAM,
                "--crash-test.stall-completing=" + completingShopper));
        arguments.addAll(List.of(settings));
        instanceA = ForkedApplication.start(StallingInstance.class, Path.of("target", "crash-test", "instance-a.log"),
                arguments);
        instanceA.awaitOutput(StallingInstance.ARMED, Duration.ofSeconds(120));
        Api onA = new Api(instanceA.port());
        for (String shopper : List.of(runningShopper, completingShopper)) {
            clients.submit(() -> onA.json("POST", "/purchase",
                    "{\"userId\":\"" + shopper + "\",\"productId\":\"" + shopper + "\",\"quantity\":1}"));
        }
    }

    /** A renews the leases of both its sagas, and B takes neither over: the take-over later is due to the kill. */
    private String instanceA_keeps_its_sagas_while_it_lives(String running, String completing) {
        SagaRecord seen = sagas.find(running).orElseThrow();
        assertThat(sagas.find(completing).orElseThrow().owner()).isEqualTo(seen.owner());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sagas.find(running).orElseThrow().leaseUntil()).isAfter(seen.leaseUntil()));
        assertThat(sagas.find(running).orElseThrow()).extracting(SagaRecord::owner, SagaRecord::state)
                .containsExactly(seen.owner(), SagaState.RUNNING);
        return seen.owner();
    }

    private void the_running_purchase_is_undone_exactly() {
        JsonNode purchase = purchase(purchaseOf(RUNNING_SHOPPER));
        assertThat(purchase.get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(purchase.get("steps").findValuesAsText("state")).containsOnly("compensated");
        assertThat(stock(RUNNING_SHOPPER)).isEqualTo(STOCK);
        assertThat(wallet(RUNNING_SHOPPER)).isEqualTo(BALANCE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(points(RUNNING_SHOPPER)).isZero());
        assertThat(api.get("/points/history?account_id=" + RUNNING_SHOPPER).json().get("items")
                .findValuesAsText("transaction_type")).containsExactlyInAnyOrder("issue", "revoke");
        assertThat(productHolds(RUNNING_SHOPPER)).isEmpty();
        assertThat(walletHolds(RUNNING_SHOPPER)).isEmpty();
    }

    private void the_completing_purchase_is_completed() {
        JsonNode purchase = purchase(purchaseOf(COMPLETING_SHOPPER));
        assertThat(purchase.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(purchase.get("steps").findValuesAsText("state")).containsOnly("completed");
        assertThat(purchase.get("total").asLong()).isEqualTo(PRICE);
        assertThat(purchase.get("points").asLong()).isEqualTo(POINTS);
        assertThat(stock(COMPLETING_SHOPPER)).isEqualTo(STOCK - 1);
        assertThat(wallet(COMPLETING_SHOPPER)).isEqualTo(BALANCE - PRICE);
        assertThat(points(COMPLETING_SHOPPER)).isEqualTo(POINTS);
        // the completions confirmed the holds: nothing is left to give back
        assertThat(productHolds(COMPLETING_SHOPPER)).isEmpty();
        assertThat(walletHolds(COMPLETING_SHOPPER)).isEmpty();
    }

    /** The id of the shopper's saga, once it is in {@code state} with {@code steps} steps recorded. */
    private String awaitSagaOf(String shopper, SagaState state, int steps) {
        String[] found = new String[1];
        await("saga of " + shopper + " " + state + " (see " + instanceA.output() + ")")
                .atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    // an assertion, not orElseThrow: Awaitility retries only failed assertions
                    Optional<SagaRecord> seen = sagaOf(purchaseOf(shopper));
                    assertThat(seen).isPresent();
                    SagaRecord saga = seen.get();
                    assertThat(saga.state()).isEqualTo(state);
                    assertThat(saga.steps()).hasSize(steps);
                    found[0] = saga.id();
                });
        return found[0];
    }

    private String purchaseOf(String shopper) {
        List<Map<String, AttributeValue>> items = dynamo.scan(b -> b.tableName(names.tables().purchases())
                .filterExpression("user_id = :user").expressionAttributeValues(Map.of(":user", AttributeValue.fromS(shopper))))
                .items();
        assertThat(items).hasSize(1);
        return items.get(0).get("purchase_id").s();
    }

    private Optional<SagaRecord> sagaOf(String purchaseId) {
        return dynamo.scanPaginator(b -> b.tableName(names.tables().sagas())).items().stream()
                .map(item -> sagas.find(item.get("saga_id").s()).orElseThrow())
                .filter(saga -> saga.steps().stream().anyMatch(step -> purchaseId.equals(step.options().get("purchaseId"))))
                .findFirst();
    }

    private Map<String, AttributeValue> productHolds(String product) {
        return holds(names.tables().products(), "id", product);
    }

    private Map<String, AttributeValue> walletHolds(String user) {
        return holds(names.tables().wallets(), "username", user);
    }

    private Map<String, AttributeValue> holds(String table, String keyAttribute, String key) {
        return dynamo.getItem(b -> b.tableName(table).key(Map.of(keyAttribute, AttributeValue.fromS(key)))
                .consistentRead(true)).item().get("holds").m();
    }

    private JsonNode purchase(String purchaseId) {
        return api.get("/purchase/" + purchaseId).json();
    }



}
