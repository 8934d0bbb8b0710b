package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void an_extension_never_replaces_a_standard_member() {
        Problem problem = Problem.of(409, "insufficient-funds", "Conflict", "short")
                .with("status", "REJECTED").with("purchase_id", "p-1");

        assertThat(problem.asMap()).containsEntry("status", 409).containsEntry("purchase_id", "p-1")
                .containsEntry("type", "https://unicorn.store/problems/insufficient-funds");
    }
}
