package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Rejection.Violation;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void numbers_a_store_can_hold_pass() throws Exception {
        assertThat(JsonNumbers.outOfRange(json.readTree(
                "{\"a\":1700,\"b\":0,\"c\":-2.5,\"d\":1e125,\"e\":[1e-130],\"f\":12345678901234567890123456789012345678}")))
                .isEmpty();
    }

    @Test
    void huge_tiny_or_too_precise_numbers_are_named_by_pointer() throws Exception {
        assertThat(JsonNumbers.outOfRange(json.readTree(
                "{\"amount\":1e999999999,\"rules\":[{\"v\":1e-131}],\"p\":123456789012345678901234567890123456789,\"a/b\":1e126}")))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/amount", "/rules/0/v", "/p", "/a~1b");
    }
}
