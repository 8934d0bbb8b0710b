package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad write is refused with a problem naming the field, and leaves no trace in the ledger. */
@PlatformIntegrationTest
class PointsValidationIT extends PointsClient {

    @ParameterizedTest(name = "{0} {1} -> 400 on {2}")
    @CsvSource(delimiter = '|', value = {
            "POST   | {\"account_id\":\"v1\",\"amount\":\"10\"}       | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":10.5}         | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":10.0}         | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":0}            | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":-5}           | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":1000000001}   | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":99999999999999999999999} | amount",
            "POST   | {\"account_id\":\"v1\",\"amount\":null}         | amount",
            "POST   | {\"account_id\":\"v1\"}                         | amount",
            "POST   | {\"amount\":10}                                 | account_id",
            "POST   | {\"account_id\":\"\",\"amount\":10}             | account_id",
            "POST   | {\"account_id\":\"has space\",\"amount\":10}    | account_id",
            "POST   | {\"account_id\":42,\"amount\":10}               | account_id",
            "POST   | {\"account_id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"amount\":10} | account_id",
            "POST   | {}                                              | account_id",
            "POST   | [1,2]                                           | body",
            "POST   | not json                                        | body",
            "DELETE | {\"account_id\":\"v1\",\"amount\":-1}           | amount",
            "DELETE | {\"account_id\":\"v1\",\"amount\":\"ten\"}      | amount",
            "DELETE | {}                                              | account_id",
            "DELETE | nope                                            | body"})
    void a_bad_body_is_a_400_problem_naming_the_field_and_records_nothing(String method, String body, String field) {
        Api.Response response = api.json(method, "/points", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText()).contains(field);
        assertThat(historyOf("v1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE"})
    void an_empty_object_names_both_fields(String method) {
        JsonNode errors = api.json(method, "/points", "{}").json().get("errors");

        assertThat(errors).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("account_id", "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE"})
    void a_body_that_is_not_declared_json_is_a_415_problem(String method) {
        Api.Response response = api.send(method, "/points", "{\"account_id\":\"v1\",\"amount\":10}",
                Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(historyOf("v1")).isEmpty();
    }

    @Test
    void a_malformed_idempotency_key_is_a_400_naming_the_header() {
        for (String key : java.util.List.of("has space", "k".repeat(256))) {
            assertMalformedKeyRefused(key);
        }
    }

    private void assertMalformedKeyRefused(String key) {
        Api.Response response = api.send("POST", "/points", "{\"account_id\":\"v1\",\"amount\":10}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(historyOf("v1")).isEmpty();
    }
}
