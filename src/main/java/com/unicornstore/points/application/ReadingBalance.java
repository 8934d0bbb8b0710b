package com.unicornstore.points.application;

import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import java.time.Clock;
import java.time.Instant;

/** Reads an account's balance from the read model, judged against the clock at the moment of reading. */
public final class ReadingBalance {

    /** The view and the instant it is read at: what is expired depends on that instant. */
    public record Reading(BalanceView view, Instant at) {
        public long balance() {
            return view.balanceAt(at);
        }
    }

    private final BalanceViews views;
    private final Clock clock;

    public ReadingBalance(BalanceViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    public Reading balance(String accountId) {
        return new Reading(views.find(accountId).orElseGet(() -> BalanceView.empty(accountId)), clock.instant());
    }
}
