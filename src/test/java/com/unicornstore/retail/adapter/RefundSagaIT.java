package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.retail.application.RefundingPurchase;
import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /purchase/{id}/refund as a saga: inside its window only, and never giving anything back twice. */
@PlatformIntegrationTest
class RefundSagaIT extends StoreClient {

    private static final String PRODUCT = "3"; // price 900: the demo campaign awards 90 points

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    SagaLog sagas;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RefundingPurchase refunding;

    @Test
    void a_refund_runs_as_a_saga_that_completes_and_gives_money_units_and_points_back() {
        String user = shopper("saga-refunder", 5000);
        long stockBefore = stock(PRODUCT);
        String id = boughtWithPoints(user);

        Api.Response refund = refund(id);

        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refund.json().get("refund").get("points_revoked").asLong()).isEqualTo(90);
        SagaRecord saga = sagas.find(SagaIds.refund(id, 1)).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(saga.steps()).singleElement().satisfies(step -> {
            assertThat(step.options()).containsEntry("purchaseId", id).containsEntry("step", "refund");
            assertThat(step.completion()).contains("retail.complete-refund");
        });
        assertThat(wallet(user)).isEqualTo(5000);
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 0);
    }

    @Test
    void a_refund_after_the_window_closed_is_refused_and_gives_nothing_back() {
        String user = shopper("late-refunder", 5000);
        String id = boughtWithPoints(user);
        completedAt(id, Instant.now().minus(Duration.ofDays(30)).minusSeconds(60)); // the window is P30D

        Api.Response refund = refund(id);

        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.json().get("type").asText()).endsWith("/refund-window-closed");
        assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sagas.find(SagaIds.refund(id, 1))).isEmpty();
        assertThat(wallet(user)).isEqualTo(4100);
        assertThat(points(user)).isEqualTo(90);
    }

    @Test
    void a_refund_inside_the_window_is_accepted_however_old_the_purchase() {
        String user = shopper("slow-refunder", 5000);
        String id = boughtWithPoints(user);
        completedAt(id, Instant.now().minus(Duration.ofDays(29)));

        assertThat(refund(id).status()).isEqualTo(200);
        assertThat(wallet(user)).isEqualTo(5000);
    }

    @Test
    void a_refund_retried_many_times_at_once_credits_once() throws Exception {
        String user = shopper("eager-refunder", 5000);
        long stockBefore = stock(PRODUCT);
        String id = boughtWithPoints(user);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> refund(id)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        clients.shutdown();

        assertThat(statuses).allMatch(status -> status == 200 || status == 202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("REFUNDED"));
        for (int i = 0; i < 5; i++) {
            assertThat(refund(id).status()).isEqualTo(200);
        }
        assertThat(wallet(user)).isEqualTo(5000);
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 0);
        assertThat(revocations(user)).isEqualTo(1);
    }

    @Test
    void a_refund_retried_after_the_release_markers_were_pruned_credits_once() {
        String user = shopper("patient-refunder", 5000);
        long stockBefore = stock(PRODUCT);
        String id = boughtWithPoints(user);
        JsonNode first = refund(id).json();
        pruneReleaseMarkers(user, id);

        Api.Response again = refund(id);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("refund")).isEqualTo(first.get("refund"));
        assertThat(wallet(user)).isEqualTo(5000);
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
    }

    @Test
    void a_refund_completion_run_again_after_the_release_markers_were_pruned_gives_nothing_twice() {
        String user = shopper("replayed-refunder", 5000);
        long stockBefore = stock(PRODUCT);
        String id = boughtWithPoints(user);
        JsonNode first = refund(id).json();
        pruneReleaseMarkers(user, id);
        // as if the completion had died just before recording REFUNDED and were resumed later
        dynamo.updateItem(b -> b.tableName(names.tables().purchases()).key(Map.of("purchase_id", AttributeValue.fromS(id)))
                .updateExpression("SET #s = :refunding").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":refunding", AttributeValue.fromS("REFUNDING"))));

        producer.sendBodyAndHeaders("direct:retail.complete-refund", null,
                Map.of("purchaseId", id, Exchange.SAGA_LONG_RUNNING_ACTION, SagaIds.refund(id, 1)));

        JsonNode after = api.get("/purchase/" + id).json();
        assertThat(after.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(after.get("refund")).isEqualTo(first.get("refund"));
        assertThat(wallet(user)).isEqualTo(5000);
        assertThat(stock(PRODUCT)).isEqualTo(stockBefore);
        assertThat(revocations(user)).isEqualTo(1);
    }

    @Test
    void a_refund_saga_compensated_before_giving_anything_back_leaves_the_purchase_refundable() {
        String user = shopper("reopened-refunder", 5000);
        String id = boughtWithPoints(user);
        String firstSaga = SagaIds.refund(id, 1);
        refunding.begin(id, 1, firstSaga); // the saga's step, as if its instance then died
        assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("REFUNDING");
        assertThat(refund(id).status()).isEqualTo(202); // under way: a retry starts nothing new

        producer.sendBodyAndHeaders("direct:retail.reopen-refund", null,
                Map.of("purchaseId", id, Exchange.SAGA_LONG_RUNNING_ACTION, firstSaga)); // its compensation
        assertThat(api.get("/purchase/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(wallet(user)).isEqualTo(4100);

        Api.Response refund = refund(id);
        assertThat(refund.status()).isEqualTo(200);
        assertThat(sagas.find(SagaIds.refund(id, 2))).map(SagaRecord::state).contains(SagaState.COMPLETED);
        assertThat(wallet(user)).isEqualTo(5000);
    }

    private String boughtWithPoints(String user) {
        String id = buy(user, PRODUCT, 1).json().get("purchase_id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 90);
        return id;
    }

    private Api.Response refund(String id) {
        return api.send("POST", "/purchase/" + id + "/refund", null, Map.of());
    }

    private void completedAt(String id, Instant at) {
        dynamo.updateItem(b -> b.tableName(names.tables().purchases()).key(Map.of("purchase_id", AttributeValue.fromS(id)))
                .updateExpression("SET completed_at = :at")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
    }

    /** What keep-release-markers does to old markers, now: the stock and wallet items forget the refund. */
    private void pruneReleaseMarkers(String user, String purchaseId) {
        dynamo.updateItem(b -> b.tableName(names.tables().wallets()).key(Map.of("username", AttributeValue.fromS(user)))
                .updateExpression("REMOVE released.#p").expressionAttributeNames(Map.of("#p", purchaseId)));
        dynamo.updateItem(b -> b.tableName(names.tables().products()).key(Map.of("id", AttributeValue.fromS(PRODUCT)))
                .updateExpression("REMOVE released.#p").expressionAttributeNames(Map.of("#p", purchaseId)));
        assertThat(dynamo.getItem(b -> b.tableName(names.tables().wallets())
                .key(Map.of("username", AttributeValue.fromS(user)))).item().get("released").m()).doesNotContainKey(purchaseId);
    }

}
