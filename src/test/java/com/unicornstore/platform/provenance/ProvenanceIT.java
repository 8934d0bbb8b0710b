package com.unicornstore.platform.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who did what is recorded on points events and purchases, and shown in history and purchase views. */
@PlatformIntegrationTest
class ProvenanceIT {

    @LocalServerPort
    int port;

    @Test
    void a_points_issue_by_key_shows_the_keys_client_and_its_idempotency_key_in_history() {
        Api api = new Api(port);
        Api.Response issued = api.send("POST", "/points", "{\"account_id\":\"prov-ann\",\"amount\":7}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "prov-key-1"));
        assertThat(issued.status()).isEqualTo(201);

        JsonNode item = api.get("/points/history?account_id=prov-ann").json().get("items").get(0);

        assertThat(item.get("principal").asText()).isEqualTo("local-demo");
        assertThat(item.get("message_id").asText()).isEqualTo("prov-key-1");
        assertThat(item.has("channel")).isFalse();
    }

    @Test
    void a_shoppers_purchase_and_the_points_it_earned_name_the_shopper() {
        Api derick = Api.basic(port, "derick", "unicorn");
        Api.Response bought = derick.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"1\",\"quantity\":1}");
        assertThat(bought.status()).isEqualTo(201);

        JsonNode purchase = derick.get("/purchase/" + bought.json().get("purchase_id").asText()).json();
        assertThat(purchase.get("principal").asText()).isEqualTo("derick");
        assertThat(purchase.has("channel")).isFalse();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = derick.get("/points/history?account_id=derick").json().get("items");
            assertThat(items).anySatisfy(item -> {
                assertThat(item.get("transaction_type").asText()).isEqualTo("issue");
                assertThat(item.get("principal").asText()).isEqualTo("derick");
            });
        });
    }
}
