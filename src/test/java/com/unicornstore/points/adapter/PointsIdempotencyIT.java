package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries with an Idempotency-Key get the first answer back and change nothing. */
@PlatformIntegrationTest
class PointsIdempotencyIT extends PointsClient {

    @Test
    void a_retried_issue_returns_the_first_response_and_records_nothing_more() {
        Api.Response first = write("POST", "key-issue-1", "{\"account_id\":\"idem\",\"amount\":25}");
        Api.Response retry = write("POST", "key-issue-1", "{ \"amount\": 25, \"account_id\": \"idem\" }");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(historyOf("idem")).hasSize(1);
        assertThat(historyOf("idem").get(0).get("message_id").asText()).isEqualTo("key-issue-1");
    }

    @Test
    void the_same_key_with_another_body_or_operation_is_a_422_and_records_nothing() {
        write("POST", "key-issue-2", "{\"account_id\":\"idem2\",\"amount\":25}");

        Api.Response otherAmount = write("POST", "key-issue-2", "{\"account_id\":\"idem2\",\"amount\":26}");
        Api.Response otherOperation = write("DELETE", "key-issue-2", "{\"account_id\":\"idem2\",\"amount\":25}");

        assertThat(otherAmount.status()).isEqualTo(422);
        assertThat(otherAmount.contentType()).startsWith("application/problem+json");
        assertThat(otherAmount.json().get("type").asText()).endsWith("idempotency-key-reused");
        assertThat(otherOperation.status()).isEqualTo(422);
        assertThat(historyOf("idem2")).hasSize(1);
    }

    @Test
    void a_retried_redemption_is_replayed_and_a_refused_one_can_be_retried_once_possible() {
        write("POST", "key-issue-3", "{\"account_id\":\"idem3\",\"amount\":10}");
        Api.Response refused = write("DELETE", "key-redeem-3", "{\"account_id\":\"idem3\",\"amount\":15}");
        write("POST", "key-issue-4", "{\"account_id\":\"idem3\",\"amount\":10}");

        Api.Response accepted = write("DELETE", "key-redeem-3", "{\"account_id\":\"idem3\",\"amount\":15}");
        Api.Response replayed = write("DELETE", "key-redeem-3", "{\"account_id\":\"idem3\",\"amount\":15}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(accepted.json());
        assertThat(historyOf("idem3")).extracting(i -> i.get("transaction_type").asText())
                .containsExactly("redeem", "issue", "issue");
    }

    @Test
    void two_callers_sending_the_same_key_on_the_same_account_each_get_their_own_redemption() {
        api.json("POST", "/points", "{\"account_id\":\"bob\",\"amount\":50}");
        String redeem = "{\"account_id\":\"bob\",\"amount\":10}";

        Api.Response byIntegrator = write("DELETE", "shared-key-1", redeem);
        Api.Response byBob = Api.basic(port, "bob", "unicorn").send("DELETE", "/points", redeem,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "shared-key-1"));

        assertThat(byIntegrator.status()).isEqualTo(200);
        assertThat(byBob.status()).as(byBob.body()).isEqualTo(200);
        assertThat(byBob.header("Idempotency-Replayed")).isNull();
        assertThat(byBob.json().get("id").asText()).isNotEqualTo(byIntegrator.json().get("id").asText());
        assertThat(historyOf("bob")).filteredOn(item -> item.get("transaction_type").asText().equals("redeem"))
                .extracting(item -> item.get("principal").asText() + " " + item.get("message_id").asText())
                .containsExactlyInAnyOrder(Api.DEMO_CLIENT + " shared-key-1", "bob shared-key-1");
    }

    private Api.Response write(String method, String key, String body) {
        return api.send(method, "/points", body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }
}
