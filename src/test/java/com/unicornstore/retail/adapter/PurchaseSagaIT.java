package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /purchase end to end: the saga over real DynamoDB, from the demo data. */
@PlatformIntegrationTest
class PurchaseSagaIT extends StoreClient {

    @Test
    void derick_buys_a_unicorn_air_and_cannot_afford_a_second() {
        Api.Response first = buy("derick", "1", 1);

        assertThat(first.status()).isEqualTo(201);
        JsonNode purchase = first.json();
        assertThat(purchase.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(purchase.get("total").asLong()).isEqualTo(1700);
        assertThat(purchase.get("userId").asText()).isEqualTo("derick");
        assertThat(purchase.get("quantity").asInt()).isEqualTo(1);
        assertThat(purchase.get("points").asLong()).isEqualTo(170);
        assertThat(wallet("derick")).isEqualTo(1600);
        assertThat(stock("1")).isEqualTo(3);
        assertThat(api.get("/purchase/" + purchase.get("purchase_id").asText()).json().get("status").asText())
                .isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(points("derick")).isEqualTo(170));

        Api.Response second = buy("derick", "1", 1);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("type").asText()).endsWith("/insufficient-funds");
        assertThat(second.json().get("status").asInt()).isEqualTo(409);
        assertThat(second.json().get("purchase_status").asText()).isEqualTo("REJECTED");
        String rejectedId = second.json().get("purchase_id").asText();
        assertThat(api.get("/purchase/" + rejectedId).json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(wallet("derick")).isEqualTo(1600);
        assertThat(stock("1")).isEqualTo(3);
        assertThat(points("derick")).isEqualTo(170);
    }

    @Test
    void asking_for_more_than_the_stock_is_refused_and_changes_nothing() {
        long stockBefore = stock("2");
        Api.Response response = buy("alice", "2", 11);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/insufficient-stock");
        assertThat(stock("2")).isEqualTo(stockBefore);
        assertThat(wallet("alice")).isEqualTo(10000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "\"1\"", "1.5", "null", "1e2"})
    void a_quantity_that_is_not_an_integer_from_1_to_100_is_a_400_naming_the_field(String quantity) {
        Api.Response response = buy("bob", "3", quantity);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(wallet("bob")).isEqualTo(800);
    }

    @Test
    void malformed_requests_are_refused_with_problems() {
        assertThat(api.json("POST", "/purchase", "{\"productId\":\"3\",\"quantity\":1}").json()
                .get("errors").get(0).get("field").asText()).isEqualTo("userId");
        assertThat(api.json("POST", "/purchase", "not json").status()).isEqualTo(400);
        assertThat(api.json("POST", "/purchase", "[1,2]").status()).isEqualTo(400);
        assertThat(api.send("POST", "/purchase", "{}", Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
        assertThat(api.json("POST", "/purchase", "{}").json().get("errors")).hasSize(3);
    }

    @Test
    void an_unknown_product_or_shopper_is_a_404_and_changes_nothing() {
        Api.Response unknownProduct = buy("bob", "nope", 1);
        Api.Response unknownUser = buy("nobody", "3", 1);

        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(unknownProduct.json().get("type").asText()).endsWith("/product-not-found");
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.json().get("type").asText()).endsWith("/wallet-not-found");
        assertThat(stock("3")).isEqualTo(25);
        assertThat(wallet("bob")).isEqualTo(800);
    }

    @Test
    void twenty_shoppers_racing_for_four_unicorns_buy_exactly_four() throws Exception {
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(shopper("racer-" + i, 2000));
        }
        shopper("collector", 10000);
        assertThat(stock("4")).isEqualTo(8);
        assertThat(buy("collector", "4", 4).status()).isEqualTo(201); // leaves 4

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String shopper : shoppers) {
            answers.add(pool.submit(() -> buy(shopper, "4", 1)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(16);
        assertThat(stock("4")).isZero();
        long spent = shoppers.stream().mapToLong(s -> 2000 - wallet(s)).sum();
        assertThat(spent).isEqualTo(4 * 1200);
        assertThat(shoppers.stream().mapToLong(this::wallet)).allMatch(b -> b == 2000 || b == 800);
    }
}
