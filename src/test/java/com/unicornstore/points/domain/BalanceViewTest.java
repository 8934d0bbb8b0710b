package com.unicornstore.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceViewTest {

    private static final Duration KEEP = Duration.ofDays(30);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(365));
    private static final RecordedEvent ISSUED = new RecordedEvent(1,
            new PointsIssued("lot-1", "bob", 100, T0, "c-1", EXPIRY));
    private static final RecordedEvent REDEEMED = new RecordedEvent(2,
            new PointsRedeemed("r-1", "bob", 30, T0.plusSeconds(5), "c-2", List.of(new LotShare("lot-1", 30))));

    @Test
    void the_same_event_applied_twice_changes_nothing_the_second_time() {
        BalanceView once = BalanceView.empty("bob").on(ISSUED, KEEP).on(REDEEMED, KEEP);

        BalanceView twice = once.on(REDEEMED, KEEP).on(ISSUED, KEEP);

        assertThat(twice).isEqualTo(once);
        assertThat(twice.balanceAt(T0.plusSeconds(10))).isEqualTo(70);
    }

    @Test
    void an_older_event_after_a_newer_one_is_ignored() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP).on(REDEEMED, KEEP);

        assertThat(view.on(new RecordedEvent(1, ISSUED.event()), KEEP)).isEqualTo(view);
        assertThat(view.appliedSequence()).isEqualTo(2);
    }

    @Test
    void entries_show_what_is_left_of_each_lot_and_when_it_changed() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP).on(REDEEMED, KEEP);

        assertThat(view.entries()).containsExactly(
                new BalanceEntry("lot-1", T0, EXPIRY, 70, T0.plusSeconds(5), false));
    }

    @Test
    void points_leave_the_balance_when_the_clock_passes_their_expiry_even_before_it_is_recorded() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP);

        assertThat(view.balanceAt(EXPIRY.minusMillis(1))).isEqualTo(100);
        assertThat(view.balanceAt(EXPIRY)).isZero();
        assertThat(view.entries().get(0).isExpiredAt(EXPIRY)).isTrue();
    }

    @Test
    void a_recorded_expiry_keeps_the_forfeited_amount_on_an_expired_entry() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP).on(REDEEMED, KEEP).on(new RecordedEvent(3,
                new PointsExpired("x-1", "bob", 70, EXPIRY, "expiry", List.of(new LotShare("lot-1", 70)))), KEEP);

        assertThat(view.entries()).containsExactly(new BalanceEntry("lot-1", T0, EXPIRY, 70, EXPIRY, true));
        assertThat(view.balanceAt(EXPIRY.minusSeconds(1))).isZero();
        assertThat(view.nextExpiry()).isNull();
    }

    @Test
    void a_fully_spent_lot_is_dropped() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP).on(new RecordedEvent(2,
                new PointsRevoked("v-1", "bob", 100, T0, "c-1", 100, List.of(new LotShare("lot-1", 100)))), KEEP);

        assertThat(view.entries()).isEmpty();
        assertThat(view.balanceAt(T0)).isZero();
    }

    @Test
    void skipping_an_unreadable_event_lets_the_next_ones_apply() {
        BalanceView view = BalanceView.empty("bob").on(ISSUED, KEEP).passOver(2);

        assertThat(view.appliedSequence()).isEqualTo(2);
        assertThat(view.on(new RecordedEvent(3, REDEEMED.event()), KEEP).balanceAt(T0)).isEqualTo(70);
    }
}
