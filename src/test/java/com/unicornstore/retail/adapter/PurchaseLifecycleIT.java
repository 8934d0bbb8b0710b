package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.idempotency.IdempotentRequests;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** After the purchase: what GET /purchase/{id} shows, refunds, and retries with an Idempotency-Key. */
@PlatformIntegrationTest
class PurchaseLifecycleIT extends StoreClient {

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void a_completed_purchase_shows_each_step_completed() {
        String id = buy(shopper("viewer", 5000), "3", 1, Map.of()).json().get("purchase_id").asText();

        JsonNode purchase = api.get("/purchase/" + id).json();

        assertThat(purchase.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(purchase.get("total").asLong()).isEqualTo(900);
        assertThat(purchase.get("points").asLong()).isEqualTo(90);
        assertThat(purchase.get("steps").findValuesAsText("step"))
                .containsExactly("reserve-stock", "debit-wallet", "issue-points");
        assertThat(purchase.get("steps").findValuesAsText("state")).containsOnly("completed");
    }

    @Test
    void a_refund_gives_back_money_units_and_points_once() {
        String user = shopper("refunder", 5000);
        long stockBefore = stock("3");
        String id = buy(user, "3", 2, Map.of()).json().get("purchase_id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 180);

        Api.Response refund = api.send("POST", "/purchase/" + id + "/refund", null, Map.of());
        Api.Response again = api.send("POST", "/purchase/" + id + "/refund", null, Map.of());

        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.json().get("status").asText()).isEqualTo("REFUNDED");
        assertThat(refund.json().get("refund").get("amount").asLong()).isEqualTo(1800);
        assertThat(refund.json().get("refund").get("points_revoked").asLong()).isEqualTo(180);
        assertThat(refund.json().get("refund").get("points_shortfall").asLong()).isZero();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("refund")).isEqualTo(refund.json().get("refund"));
        assertThat(wallet(user)).isEqualTo(5000);
        assertThat(stock("3")).isEqualTo(stockBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 0);
    }

    @Test
    void refunding_a_purchase_whose_points_were_partly_spent_records_the_shortfall() {
        String user = shopper("spender", 5000);
        String id = buy(user, "2", 1, Map.of()).json().get("purchase_id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 250);
        assertThat(api.json("DELETE", "/points", "{\"account_id\":\"" + user + "\",\"amount\":100}").status())
                .isEqualTo(200);

        JsonNode refund = api.send("POST", "/purchase/" + id + "/refund", null, Map.of()).json().get("refund");

        assertThat(refund.get("points_revoked").asLong()).isEqualTo(150);
        assertThat(refund.get("points_shortfall").asLong()).isEqualTo(100);
        assertThat(wallet(user)).isEqualTo(5000);
        await().atMost(Duration.ofSeconds(5)).until(() -> points(user) == 0);
    }

    @Test
    void only_a_completed_purchase_can_be_refunded() {
        String rejected = buy(shopper("poor", 10), "1", 1, Map.of()).json().get("purchase_id").asText();

        Api.Response refund = api.send("POST", "/purchase/" + rejected + "/refund", null, Map.of());
        Api.Response unknown = api.send("POST", "/purchase/no-such-purchase/refund", null, Map.of());

        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.json().get("type").asText()).endsWith("/purchase-not-refundable");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wallet("poor")).isEqualTo(10);
    }

    @Test
    void a_retried_purchase_with_the_same_idempotency_key_buys_once() {
        String user = shopper("retrier", 5000);
        long stockBefore = stock("3");

        Api.Response first = buy(user, "3", 1, Map.of("Idempotency-Key", "order-42"));
        Api.Response retry = buy(user, "3", 1, Map.of("Idempotency-Key", "order-42"));
        Api.Response otherBody = buy(user, "3", 2, Map.of("Idempotency-Key", "order-42"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("purchase_id")).isEqualTo(first.json().get("purchase_id"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(stock("3")).isEqualTo(stockBefore - 1);
        assertThat(wallet(user)).isEqualTo(4100);
    }

    @Test
    void a_retry_whose_first_answer_was_lost_finds_the_purchase_it_made_and_buys_nothing_more() {
        String user = shopper("forgetful", 5000);
        Api.Response first = buy(user, "3", 1, Map.of("Idempotency-Key", "order-lost"));
        dynamo.deleteItem(b -> b.tableName(names.tables().idempotency())
                .key(Map.of("idempotency_key", AttributeValue.fromS(
                        IdempotentRequests.storedKey(Api.DEMO_CLIENT, "order-lost")))));

        Api.Response retry = buy(user, "3", 1, Map.of("Idempotency-Key", "order-lost"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("purchase_id")).isEqualTo(first.json().get("purchase_id"));
        assertThat(retry.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(wallet(user)).isEqualTo(4100);
    }
}
