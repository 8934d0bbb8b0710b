package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.support.Api;
import com.unicornstore.support.BackgroundRoutes;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Round trips are the cost that matters: each points operation's AWS calls, counted. */
@PlatformIntegrationTest
@TestPropertySource(properties = "points.snapshot.every=100")
class PointsCallCountIT {

    @LocalServerPort
    int port;

    @Autowired
    AwsCallCounter counter;

    @Autowired
    CamelContext camel;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    Api api;
    BackgroundRoutes background;

    @BeforeEach
    void quiet() throws Exception {
        api = new Api(port);
        assertThat(api.json("POST", "/points", "{\"account_id\":\"warm\",\"amount\":1000}").status()).isEqualTo(201);
        background = BackgroundRoutes.stop(camel);
    }

    @AfterEach
    void resume() throws Exception {
        background.resume();
    }

    @Test
    void issuing_and_redeeming_in_the_steady_state_cost_one_conditional_write_each() {
        assertThat(callsOf(() -> api.json("POST", "/points", "{\"account_id\":\"warm\",\"amount\":5}")))
                .isEqualTo(Map.of("DynamoDb.PutItem", 1L));
        assertThat(callsOf(() -> api.json("DELETE", "/points", "{\"account_id\":\"warm\",\"amount\":5}")))
                .isEqualTo(Map.of("DynamoDb.PutItem", 1L));
    }

    @Test
    void a_balance_read_is_one_get_and_a_refused_write_changes_nothing() {
        assertThat(callsOf(() -> api.get("/points?account_id=warm"))).isEqualTo(Map.of("DynamoDb.GetItem", 1L));
        assertThat(callsOf(() -> api.json("POST", "/points", "{\"account_id\":\"warm\",\"amount\":0}"))).isEmpty();
    }

    @Test
    void an_idempotency_key_costs_a_claim_and_a_completion_and_a_replay_one_call() {
        Map<String, Long> first = callsOf(() -> api.send("POST", "/points", "{\"account_id\":\"warm\",\"amount\":3}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "count-1")));
        Map<String, Long> replay = callsOf(() -> api.send("POST", "/points", "{\"account_id\":\"warm\",\"amount\":3}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "count-1")));

        assertThat(first).isEqualTo(Map.of("DynamoDb.PutItem", 2L, "DynamoDb.UpdateItem", 1L));
        assertThat(replay).isEqualTo(Map.of("DynamoDb.PutItem", 1L));
    }

    @Test
    void loading_an_account_reads_its_snapshot_and_a_bounded_tail_however_long_its_history() throws Exception {
        for (int i = 0; i < 130; i++) {
            api.json("POST", "/points", "{\"account_id\":\"long\",\"amount\":1}");
        }
        Snapshots snapshots = new Snapshots(dynamo, names.tables().pointSnapshots(), 100,
                PointsAccount.DEFAULT_REMEMBERED);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.latest("long").map(PointsAccount::version).orElse(0L) == 100);
        DynamoPointsLedger coldInstance = new DynamoPointsLedger(dynamo, names.tables().pointEvents(),
                new AccountCache(10), snapshots, new DynamoPurchaseRecords(dynamo, names.tables().pointCorrelations(),
                java.time.Duration.ofDays(45)), java.time.Clock.systemUTC());

        PointsAccount[] loaded = new PointsAccount[1];
        Map<String, Long> calls = callsOf(() -> loaded[0] = coldInstance.load("long"));

        assertThat(loaded[0].version()).isEqualTo(130);
        assertThat(loaded[0].balanceAt(java.time.Instant.now())).isEqualTo(130);
        assertThat(calls).isEqualTo(Map.of("DynamoDb.GetItem", 1L, "DynamoDb.BatchGetItem", 1L));
    }

    private Map<String, Long> callsOf(Runnable operation) {
        Map<String, Long> before = counter.snapshot();
        operation.run();
        return AwsCallCounter.difference(before, counter.snapshot());
    }
}
