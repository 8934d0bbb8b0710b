package com.unicornstore.platform.windows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each invariant between the time windows: the defaults hold, and a configuration that breaks one is refused. */
class WindowRulesTest {

    /** The defaults of application.yml, the retry budget as RetryPolicy computes it for unicorn.saga.retry.*. */
    static final class Windows {
        Duration idempotencyRetention = Duration.ofDays(1);
        Duration idempotencyLease = Duration.ofSeconds(30);
        Duration releaseMarkers = Duration.ofHours(1);
        Duration refundWindow = Duration.ofDays(30);
        Duration revocationRetention = Duration.ofDays(45);
        Duration sagaLease = Duration.ofSeconds(15);
        Duration sagaRecoveryInterval = Duration.ofSeconds(5);
        Duration sagaRetryBudget = Duration.ofMillis(571_500);
        int sagaMaxAttempts = 20;
        Duration expiryTtl = Duration.ofDays(365);
        Duration bucketGranularity = Duration.ofDays(1);
        Duration visibilityTimeout = Duration.ofSeconds(30);
        Duration queueRetention = Duration.ofDays(4);
        Duration dlqRetention = Duration.ofDays(10);
        int maxReceives = 10;
        Duration callBound = Duration.ofSeconds(4);
        Duration queueDedupRetention = Duration.ofDays(15);

        TimeWindows build() {
            return new TimeWindows(idempotencyRetention, idempotencyLease, releaseMarkers, refundWindow,
                    revocationRetention, sagaLease, sagaRecoveryInterval, sagaRetryBudget, sagaMaxAttempts, expiryTtl,
                    bucketGranularity, visibilityTimeout, queueRetention, dlqRetention, maxReceives, callBound,
                    queueDedupRetention);
        }
    }

    private static List<String> broken(Windows windows) {
        return WindowRules.breaches(windows.build()).stream().map(b -> b.substring(0, b.indexOf(' '))).toList();
    }

    @Test
    void a_queued_commands_id_must_be_remembered_while_the_queue_and_its_dlq_keep_the_command() {
        Windows windows = new Windows();
        windows.queueDedupRetention = Duration.ofDays(14);

        assertThat(broken(windows)).containsExactly("queue-dedup-outlives-queue-and-dlq");
    }

    @Test
    void the_defaults_keep_every_rule() {
        assertThat(WindowRules.breaches(new Windows().build())).isEmpty();
    }

    @Test
    void the_default_saga_span_is_about_eleven_minutes_well_within_the_hour_release_markers_are_kept() {
        // 15 s lease + 571.5 s of backoff at the top of its jitter + 20 attempts of a 4 s call
        assertThat(new Windows().build().sagaSpan()).isEqualTo(Duration.ofMillis(666_500));
    }

    @Test
    void the_default_ttl_and_granularity_bound_an_account_to_366_buckets() {
        assertThat(new Windows().build().maxBucketsPerAccount()).isEqualTo(366);
    }

    @Test
    void a_window_of_zero_is_refused_before_any_comparison() {
        Windows windows = new Windows();
        windows.refundWindow = Duration.ZERO;
        assertThat(broken(windows)).containsExactly("windows-are-positive");
    }

    @Test
    void release_markers_shorter_than_the_saga_span_are_refused() {
        Windows windows = new Windows();
        windows.releaseMarkers = Duration.ofMinutes(10);
        assertThat(broken(windows)).containsExactly("release-markers-outlive-saga-retries");
    }

    @Test
    void a_longer_lease_needs_longer_release_markers() {
        Windows windows = new Windows();
        windows.sagaLease = Duration.ofHours(1);
        assertThat(broken(windows)).containsExactly("release-markers-outlive-saga-retries");
    }

    @Test
    void revocation_records_that_forget_before_a_redriven_revoke_are_refused() {
        Windows windows = new Windows();
        windows.dlqRetention = Duration.ofDays(14); // 30 + 4 + 14 days and the saga span > 45 days
        windows.queueDedupRetention = Duration.ofDays(30); // so that only the rule under test breaks
        assertThat(broken(windows)).containsExactly("revocation-records-outlive-redelivery");
    }

    @Test
    void a_longer_refund_window_needs_longer_revocation_records() {
        Windows windows = new Windows();
        windows.refundWindow = Duration.ofDays(35);
        assertThat(broken(windows)).containsExactly("revocation-records-outlive-redelivery");
    }

    @Test
    void idempotency_records_that_forget_within_the_saga_span_are_refused() {
        Windows windows = new Windows();
        windows.idempotencyRetention = Duration.ofMinutes(10);
        assertThat(broken(windows)).contains("idempotency-outlives-saga-retries");
    }

    @Test
    void idempotency_records_that_forget_while_the_queue_still_redelivers_are_refused() {
        Windows windows = new Windows();
        windows.idempotencyRetention = Duration.ofHours(2);
        windows.visibilityTimeout = Duration.ofMinutes(15);
        assertThat(broken(windows)).containsExactly("idempotency-outlives-queue-redelivery");
    }

    @Test
    void a_visibility_timeout_shorter_than_a_command_is_refused() {
        Windows windows = new Windows();
        windows.visibilityTimeout = Duration.ofSeconds(10); // 3 calls of 4 s
        assertThat(broken(windows)).containsExactly("visibility-outlasts-a-command");
    }

    @Test
    void an_idempotency_lease_shorter_than_a_command_is_refused() {
        Windows windows = new Windows();
        windows.idempotencyLease = Duration.ofSeconds(5);
        assertThat(broken(windows)).containsExactly("idempotency-lease-outlasts-a-command");
    }

    @Test
    void a_lease_that_outlives_every_redelivery_is_refused() {
        Windows windows = new Windows();
        windows.idempotencyLease = Duration.ofMinutes(5); // >= 30 s x 9 redeliveries
        assertThat(broken(windows)).containsExactly("dead-consumer-claim-lapses-before-dlq");
    }

    @Test
    void recovery_that_runs_less_often_than_a_lease_is_refused() {
        Windows windows = new Windows();
        windows.sagaRecoveryInterval = Duration.ofSeconds(15);
        assertThat(broken(windows)).containsExactly("recovery-runs-within-a-lease");
    }

    @Test
    void a_granularity_longer_than_the_ttl_or_not_dividing_it_is_refused() {
        Windows longer = new Windows();
        longer.expiryTtl = Duration.ofSeconds(6);
        assertThat(broken(longer)).containsExactly("buckets-divide-the-expiry-ttl");
        Windows notDividing = new Windows();
        notDividing.bucketGranularity = Duration.ofDays(7);
        assertThat(broken(notDividing)).containsExactly("buckets-divide-the-expiry-ttl");
    }

    @Test
    void the_refusal_names_the_rule_its_settings_its_reason_and_the_values_found() {
        Windows windows = new Windows();
        windows.releaseMarkers = Duration.ofMinutes(1);
        assertThatThrownBy(() -> WindowRules.check(windows.build()))
                .isInstanceOf(TimeWindowsBroken.class)
                .hasMessageContaining("release-markers-outlive-saga-retries")
                .hasMessageContaining("unicorn.retail.keep-release-markers")
                .hasMessageContaining("unicorn.saga.lease")
                .hasMessageContaining("must still find the marker")
                .hasMessageContaining("markers PT1M <= saga span PT11M6.5S");
    }

    @Test
    void every_rule_has_a_distinct_name_a_reason_and_settings() {
        assertThat(WindowRules.ALL).extracting(WindowRule::name).doesNotHaveDuplicates();
        assertThat(WindowRules.ALL).allSatisfy(rule -> {
            assertThat(rule.reason()).isNotBlank();
            assertThat(rule.settings()).isNotEmpty();
        });
    }
}
