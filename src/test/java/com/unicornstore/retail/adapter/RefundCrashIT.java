package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.Api;
import com.unicornstore.support.ForkedApplication;
import com.unicornstore.support.Sweeps;
import com.unicornstore.support.PlatformIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances share one backend: instance A (a child JVM, {@link StallingRefundInstance}) is
 * killed with {@code kill -9} in the middle of two refunds; instance B (this test's application)
 * takes them over once A's lease runs out. The refund that was giving back (COMPLETING, its points
 * already taken back) finishes exactly once; the one that had only begun (RUNNING) is compensated,
 * and the purchase can be refunded again.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"unicorn.saga.lease=3s", "unicorn.saga.recovery-interval=1s", Sweeps.EVERY_SHARD})
class RefundCrashIT extends CrashTest {

    private static final String COMPLETING_SHOPPER = "refund-crash-completing";
    private static final String RUNNING_SHOPPER = "refund-crash-running";

    @Override
    List<String> crashShoppers() {
        return List.of(COMPLETING_SHOPPER, RUNNING_SHOPPER);
    }

    @Test
    void a_refund_interrupted_by_kill_minus_9_finishes_exactly_once_on_the_surviving_instance() {
        String completing = bought(COMPLETING_SHOPPER);
        String running = bought(RUNNING_SHOPPER);
        startInstanceAAndRefundOnIt(completing, running);
        String completingSaga = SagaIds.refund(completing, 1);
        String runningSaga = SagaIds.refund(running, 1);
        await("refunds stalled on A (see " + instanceA.output() + ")").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sagas.find(completingSaga)).map(SagaRecord::state).contains(SagaState.COMPLETING);
            assertThat(sagas.find(runningSaga)).map(SagaRecord::state).contains(SagaState.RUNNING);
            assertThat(status(running)).isEqualTo("REFUNDING");
            assertThat(revocations(COMPLETING_SHOPPER)).isEqualTo(1); // A took the points back, then stalled
        });
        String ownerA = sagas.find(completingSaga).orElseThrow().owner();
        assertThat(wallet(COMPLETING_SHOPPER)).isEqualTo(BALANCE - PRICE);
        assertThat(status(completing)).isEqualTo("REFUNDING");

        instanceA.killHard();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sagas.find(completingSaga)).map(SagaRecord::state).contains(SagaState.COMPLETED);
            assertThat(sagas.find(runningSaga)).map(SagaRecord::state).contains(SagaState.COMPENSATED);
        });
        assertThat(sagas.find(completingSaga).orElseThrow().owner()).isNotEqualTo(ownerA);
        assertThat(sagas.find(runningSaga).orElseThrow().owner()).isNotEqualTo(ownerA);
        the_completing_refund_gave_everything_back_once(completing);
        the_running_refund_gave_nothing_back_and_can_be_retried(running);
    }

    private void the_completing_refund_gave_everything_back_once(String purchaseId) {
        JsonNode purchase = api.get("/purchase/" + purchaseId).json();
        assertThat(purchase.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(purchase.get("refund").get("amount").asLong()).isEqualTo(PRICE);
        assertThat(purchase.get("refund").get("points_revoked").asLong()).isEqualTo(POINTS);
        assertThat(purchase.get("refund").get("points_shortfall").asLong()).isZero();
        assertThat(wallet(COMPLETING_SHOPPER)).isEqualTo(BALANCE);
        assertThat(stock(COMPLETING_SHOPPER)).isEqualTo(STOCK);
        assertThat(revocations(COMPLETING_SHOPPER)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(points(COMPLETING_SHOPPER)).isZero());

        Api.Response again = refund(purchaseId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("refund")).isEqualTo(purchase.get("refund"));
        assertThat(wallet(COMPLETING_SHOPPER)).isEqualTo(BALANCE);
    }

    private void the_running_refund_gave_nothing_back_and_can_be_retried(String purchaseId) {
        assertThat(status(purchaseId)).isEqualTo("COMPLETED");
        assertThat(wallet(RUNNING_SHOPPER)).isEqualTo(BALANCE - PRICE);
        assertThat(stock(RUNNING_SHOPPER)).isEqualTo(STOCK - 1);
        assertThat(revocations(RUNNING_SHOPPER)).isZero();

        Api.Response retried = refund(purchaseId);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(wallet(RUNNING_SHOPPER)).isEqualTo(BALANCE);
        assertThat(stock(RUNNING_SHOPPER)).isEqualTo(STOCK);
        assertThat(sagas.find(SagaIds.refund(purchaseId, 2))).map(SagaRecord::state).contains(SagaState.COMPLETED);
    }

    private String bought(String shopper) {
        String id = buy(shopper, shopper, 1).json().get("purchase_id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> points(shopper) == POINTS);
        return id;
    }

    /** Starts instance A and asks it for both refunds: requests that never answer, as A stalls them. */
    private void startInstanceAAndRefundOnIt(String completing, String running) {
        instanceA = ForkedApplication.start(StallingRefundInstance.class, Path.of("target", "crash-test", "refund-instance-a.log"),
                List.of("--unicorn.saga.lease=3s", "--unicorn.saga.recovery-interval=2s", NOT_READING_THE_STREAM,
                        "--unicorn.retail.pending-recovery.interval=1h",
                        "--crash-test.stall-refund-completing=" + completing,
                        "--crash-test.stall-refund-running=" + running));
        instanceA.awaitOutput(StallingRefundInstance.ARMED, Duration.ofSeconds(120));
        Api onA = new Api(instanceA.port());
        for (String purchaseId : List.of(completing, running)) {
            clients.submit(() -> onA.send("POST", "/purchase/" + purchaseId + "/refund", null, Map.of()));
        }
    }

    private Api.Response refund(String purchaseId) {
        return api.send("POST", "/purchase/" + purchaseId + "/refund", null, Map.of());
    }

    private String status(String purchaseId) {
        return api.get("/purchase/" + purchaseId).json().get("status").asText();
    }

}
