package com.unicornstore.saga.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.5, 5);

    @Test
    void delays_double_with_each_failure_until_the_cap() {
        assertThat(policy.delayAfter(1, () -> 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(10, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitter_spreads_a_delay_by_at_most_its_fraction_either_way() {
        assertThat(policy.delayAfter(2, () -> 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, () -> 1.0)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void the_budget_is_spent_after_max_attempts() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    @Test
    void a_policy_that_could_never_try_is_refused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2.0, Duration.ZERO, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_budget_is_every_delay_before_the_last_attempt_at_the_top_of_its_jitter() {
        // delays after attempts 1-4: 100, 200, 400, 800 ms, each times 1.5
        assertThat(policy.budget()).isEqualTo(Duration.ofMillis(150 + 300 + 600 + 1200));
    }
}
