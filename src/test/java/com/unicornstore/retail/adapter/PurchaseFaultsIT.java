package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.saga.adapter.DynamoDbSagaLog;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Technical failures injected after each step has done its work (AdviceWith, tests only): the
 * saga compensates, stock and wallet are restored exactly, the purchase ends COMPENSATED.
 */
@PlatformIntegrationTest
class PurchaseFaultsIT extends StoreClient {

    private static final AtomicReference<String> FAIL_AFTER = new AtomicReference<>();

    @Autowired
    CamelContext camel;

    @Autowired
    SagaLog sagas;

    @BeforeEach
    void injectFaults() throws Exception {
        FAIL_AFTER.set(null);
        for (String step : new String[] {"retail.reserve-stock", "retail.debit-wallet", "retail.issue-points"}) {
            if (camel.getRoute(step).getProperties().get("faulty") == null) {
                AdviceWith.adviceWith(camel, step,
                        a -> a.weaveByToString(".*(PurchaseSteps|points.send-command).*").after().process(PurchaseFaultsIT::maybeFail));
                camel.getRoute(step).getProperties().put("faulty", true);
            }
        }
    }

    private static void maybeFail(Exchange exchange) {
        if (exchange.getFromRouteId() != null && FAIL_AFTER.get() != null
                && FAIL_AFTER.get().equals(exchange.getUnitOfWork().getRoute().getRouteId())) {
            throw SdkClientException.create("injected: DynamoDB connection reset");
        }
    }

    /** A shopper of their own per test, so that no other purchase's points are still on their way. */
    private String a_failure_after(String step) {
        String shopper = shopper("victim-of-" + step, 10000);
        FAIL_AFTER.set(step);
        long stockBefore = stock("2");

        Api.Response response = buy(shopper, "2", 2);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String purchaseId = response.json().get("purchase_id").asText();
        assertThat(response.json().get("status").asInt()).isEqualTo(503);
        assertThat(response.json().get("purchase_status").asText()).isEqualTo("COMPENSATED");
        assertThat(api.get("/purchase/" + purchaseId).json().get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(api.get("/purchase/" + purchaseId).json().get("steps").findValuesAsText("state"))
                .contains("compensated");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stock("2")).isEqualTo(stockBefore);
            assertThat(wallet(shopper)).isEqualTo(10000);
            assertThat(points(shopper)).isZero();
        });
        return shopper;
    }

    @Test
    void a_technical_failure_after_issuing_points_revokes_them_and_undoes_the_rest() {
        String shopper = a_failure_after("retail.issue-points");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/points/history?account_id=" + shopper).json().get("items").findValuesAsText("transaction_type"))
                .contains("revoke"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(points(shopper)).isZero());
    }

    @Test
    void a_technical_failure_after_reserving_stock_puts_the_stock_back() {
        a_failure_after("retail.reserve-stock");
    }

    @Test
    void a_technical_failure_after_debiting_the_wallet_refunds_it_and_puts_the_stock_back() {
        a_failure_after("retail.debit-wallet");
    }

    @Test
    void without_faults_the_same_purchase_completes_and_its_saga_is_logged_completed() {
        Api.Response response = buy("alice", "2", 1);

        assertThat(response.status()).isEqualTo(201);
        // every index shard: one round of the recovery sweep
        assertThat(IntStream.range(0, DynamoDbSagaLog.SHARDS)
                .mapToObj(sweep -> sagas.findAbandoned(java.time.Instant.now().plusSeconds(3600))).flatMap(List::stream))
                .extracting(SagaRecord::state).doesNotContain(SagaState.RUNNING);
    }
}
