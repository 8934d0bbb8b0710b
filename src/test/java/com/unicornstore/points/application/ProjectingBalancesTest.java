package com.unicornstore.points.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.RecordedEvent;
import com.unicornstore.points.domain.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The projection's flush, with the read model's port answering as a failing store would. */
class ProjectingBalancesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Keeps what was written; refuses every write of one account, as an item over DynamoDB's size limit would be. */
    private static final class Views implements BalanceViews {
        final Map<String, BalanceView> written = new HashMap<>();

        @Override
        public Optional<BalanceView> find(String accountId) {
            return Optional.ofNullable(written.get(accountId));
        }

        @Override
        public boolean replace(BalanceView view, long expectedSequence) {
            if (view.accountId().equals("too-big")) {
                throw new IllegalStateException("Item size has exceeded the maximum allowed size");
            }
            written.put(view.accountId(), view);
            return true;
        }
    }

    private final Views views = new Views();
    private final List<String> parked = new ArrayList<>();
    private final ProjectingBalances projection = new ProjectingBalances(views, new NoGapsLedger(),
            (source, key, account, reason) -> parked.add(source + ":" + key), 100, java.time.Duration.ofDays(30));

    private static StoredEvent issued(String account, long sequence, long amount) {
        return StoredEvent.readable(account, new RecordedEvent(sequence,
                new PointsIssued("lot-" + account + sequence, account, amount, T0, "c-" + sequence, T0.plusSeconds(3600))));
    }

    @Test
    void an_account_whose_view_cannot_be_written_does_not_hold_back_the_others_and_is_parked_in_the_end() {
        projection.on(issued("too-big", 1, 10));
        projection.on(issued("fine", 1, 20));

        projection.flush();
        projection.flush();
        assertThat(views.written).containsKey("fine");
        assertThat(parked).isEmpty();

        projection.flush();
        assertThat(parked).containsExactly("balance-views:too-big");
        projection.on(issued("fine", 2, 5));
        projection.flush();
        assertThat(views.written.get("fine").appliedSequence()).isEqualTo(2);
        assertThat(parked).hasSize(1);
    }

    /** The projection reads the ledger only to fill gaps; these tests leave none. */
    private static final class NoGapsLedger implements PointsLedger {
        @Override
        public PointsAccount load(String accountId) {
            throw new AssertionError("not used");
        }

        @Override
        public PointsAccount reload(String accountId) {
            throw new AssertionError("not used");
        }

        @Override
        public PointsAccount append(PointsAccount account, List<PointsEvent> events) {
            throw new AssertionError("not used");
        }

        @Override
        public List<StoredEvent> events(String accountId, long from, long to) {
            return List.of();
        }

        @Override
        public java.util.Optional<StoredEvent> event(String accountId, long sequence) {
            throw new AssertionError("not used");
        }

        @Override
        public List<StoredEvent> newestFirst(String accountId, Long before, int limit) {
            throw new AssertionError("not used");
        }

        @Override
        public List<String> accountIds() {
            throw new AssertionError("not used");
        }
    }
}
