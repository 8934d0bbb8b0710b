package com.unicornstore.retail.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.platform.domain.Origin;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundWindowTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant COMPLETED = CREATED.plusSeconds(2);
    private static final RefundWindow THIRTY_DAYS = new RefundWindow(Duration.ofDays(30));

    @Test
    void the_window_runs_from_the_completion_to_its_length_inclusive() {
        Purchase purchase = completed(COMPLETED);

        assertThat(THIRTY_DAYS.isOpen(purchase, COMPLETED)).isTrue();
        assertThat(THIRTY_DAYS.isOpen(purchase, COMPLETED.plus(Duration.ofDays(30)))).isTrue();
        assertThat(THIRTY_DAYS.isOpen(purchase, COMPLETED.plus(Duration.ofDays(30)).plusMillis(1))).isFalse();
        assertThat(THIRTY_DAYS.closesAt(purchase)).isEqualTo(COMPLETED.plus(Duration.ofDays(30)));
    }

    @Test
    void a_purchase_recorded_before_completions_were_timed_is_measured_from_its_creation() {
        Purchase legacy = completed(null);

        assertThat(THIRTY_DAYS.closesAt(legacy)).isEqualTo(CREATED.plus(Duration.ofDays(30)));
    }

    @Test
    void an_empty_window_is_refused() {
        assertThatThrownBy(() -> new RefundWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_refund_attempt_has_its_own_saga_id_fixed_by_the_purchase() {
        Purchase purchase = completed(COMPLETED);

        assertThat(purchase.refundSagaOf(1)).isEqualTo(SagaIds.refund("p-1", 1)).isNotEqualTo(purchase.refundSagaOf(2));
        assertThat(SagaIds.purchase("p-1")).isNotEqualTo(SagaIds.refund("p-1", 1)).isEqualTo(SagaIds.purchase("p-1"));
    }

    private static Purchase completed(Instant completedAt) {
        return new Purchase("p-1", new PurchaseOrder("alice", "1", 1), PurchaseStatus.COMPLETED, 1700, 170, null,
                CREATED, "s-1", null, completedAt, RefundProgress.NONE, Origin.UNKNOWN);
    }
}
