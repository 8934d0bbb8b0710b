package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.support.Api;
import com.unicornstore.support.LossyDynamoExtension;
import com.unicornstore.support.LossyDynamoProxy;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A purchase that outlasts the server's request timeout (its stock write stalls in a backend that
 * stopped answering) is answered 503 outcome-unknown naming the purchase, not a bare timeout; the
 * purchase goes on and ends, and the client follows it by its id.
 */
@PlatformIntegrationTest
@ExtendWith(LossyDynamoExtension.class)
@TestPropertySource(properties = "spring.mvc.async.request-timeout=1500ms")
class RequestTimeoutIT {

    @LocalServerPort
    int port;

    @Autowired
    PlacingPurchase placing;

    @Test
    void a_purchase_cut_short_by_the_request_timeout_is_outcome_unknown_with_its_purchase_id(LossyDynamoProxy proxy) {
        Api api = new Api(port);
        String purchaseId = placing.purchaseIdFor(Api.DEMO_CLIENT, "buy-stalled");
        proxy.stallNextRequestsTo(3, purchaseId, "#c = #c - :a");

        Api.Response answer = api.send("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"2\",\"quantity\":1}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "buy-stalled"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(answer.json().get("type").asText()).isEqualTo("https://unicorn.store/problems/outcome-unknown");
        assertThat(answer.json().get("purchase_id").asText()).isEqualTo(purchaseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/purchase/" + purchaseId).json().get("status").asText()).isEqualTo("COMPENSATED"));
        assertThat(api.get("/products/2").json().get("stock").asLong()).isEqualTo(10);
    }
}
