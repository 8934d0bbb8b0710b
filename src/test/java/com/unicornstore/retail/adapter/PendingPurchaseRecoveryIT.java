package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.domain.Origin;
import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.retail.application.RecoveringPendingPurchases;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A purchase whose instance died right after opening it (before its saga's first record) is found
 * by recovery once created + the saga lease has passed, and ended COMPENSATED with nothing held.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"unicorn.saga.lease=3s", "unicorn.saga.recovery-interval=2s",
        "unicorn.retail.pending-recovery.interval=500ms",
        "unicorn.retail.pending-recovery.start-delay=100"})
class PendingPurchaseRecoveryIT extends StoreClient {

    private static final String PRODUCT = "3";

    @Autowired
    PlacingPurchase placing;

    @Autowired
    SagaLog sagas;

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void a_purchase_whose_saga_never_began_ends_compensated_after_its_deadline_and_its_retry_gets_an_answer() {
        String user = shopper("orphan", 5000);
        long stockBefore = stock(PRODUCT);
        // what POST /purchase does before its saga's first step, on an instance that then dies
        String id = placing.open(new PurchaseOrder(user, PRODUCT, 1), placing.purchaseIdFor(Api.DEMO_CLIENT, "orphan-order"), Origin.SYSTEM).purchase().id();
        assertThat(pendingIndexKeys(id)).containsKeys("pending_shard", "deadline");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("COMPENSATED"));

        JsonNode purchase = api.get("/purchase/" + id).json();
        assertThat(purchase.get("reason").asText()).isEqualTo(RecoveringPendingPurchases.NEVER_BEGUN);
        assertThat(Instant.now()).isAfter(Instant.parse(purchase.get("created_at").asText()).plusSeconds(3));
        assertThat(pendingIndexKeys(id)).doesNotContainKeys("pending_shard", "deadline");
        SagaRecord saga = sagas.find(SagaIds.purchase(id)).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(saga.steps()).isEmpty();
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
        assertThat(wallet(user)).isEqualTo(5000);

        Api.Response retry = buy(user, PRODUCT, 1, Map.of("Idempotency-Key", "orphan-order"));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("purchase_id").asText()).isEqualTo(id);
        assertThat(retry.json().get("purchase_status").asText()).isEqualTo("COMPENSATED");
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
        assertThat(wallet(user)).isEqualTo(5000);
    }

    @Test
    void the_saga_of_a_recovered_purchase_can_no_longer_begin() {
        String id = placing.open(new PurchaseOrder(shopper("too-late", 5000), PRODUCT, 1), placing.purchaseIdFor(Api.DEMO_CLIENT, null), Origin.SYSTEM).purchase().id();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(sagas.find(SagaIds.purchase(id))).map(SagaRecord::state).contains(SagaState.COMPENSATED));

        boolean appended = sagas.appendStep(SagaIds.purchase(id), new SagaStep("direct:x", null, Map.of()), "late",
                Instant.now().plusSeconds(60));

        assertThat(appended).isFalse();
    }

    @Test
    void a_purchase_that_ran_its_saga_leaves_the_pending_index_and_recovery_leaves_it_alone() {
        String user = shopper("ordinary", 5000);
        String id = buy(user, PRODUCT, 1).json().get("purchase_id").asText();

        assertThat(pendingIndexKeys(id)).doesNotContainKeys("pending_shard", "deadline");
        assertThat(sagas.find(SagaIds.purchase(id))).map(SagaRecord::state).contains(SagaState.COMPLETED);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("COMPLETED"));
        assertThat(wallet(user)).isEqualTo(4100);
    }

    private Map<String, AttributeValue> pendingIndexKeys(String id) {
        return dynamo.getItem(b -> b.tableName(names.tables().purchases())
                .key(Map.of("purchase_id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }
}
