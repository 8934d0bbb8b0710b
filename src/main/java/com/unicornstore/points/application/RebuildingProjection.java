package com.unicornstore.points.application;

import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays the event store into fresh views, compares them with the live read model and, when
 * asked, repairs the live views that differ (each write conditional on the live view not moving).
 */
public final class RebuildingProjection {

    /** One account whose live view differs from its replay. */
    public record Difference(String accountId, long liveSequence, long liveBalance, long rebuiltSequence,
            long rebuiltBalance, boolean repaired) {}

    /** What a rebuild found. */
    public record Report(int accounts, long eventsReplayed, List<Difference> differences) {}

    private final PointsLedger ledger;
    private final BalanceViews views;
    private final ProjectingBalances projector;
    private final Clock clock;
    private final Duration keepExpired;

    public RebuildingProjection(PointsLedger ledger, BalanceViews views, ProjectingBalances projector, Clock clock,
            Duration keepExpired) {
        this.keepExpired = keepExpired;
        this.ledger = ledger;
        this.views = views;
        this.projector = projector;
        this.clock = clock;
    }

    /** The accounts a rebuild goes through, in the order it goes: {@code accountId} alone, or every account sorted. */
    public List<String> accounts(Optional<String> accountId) {
        return accountId.map(List::of).orElseGet(() -> ledger.accountIds().stream().sorted().toList());
    }

    /** Replays these accounts, and repairs their live views that differ when {@code repair}. */
    public Report rebuild(List<String> accounts, boolean repair) {
        Instant now = clock.instant();
        long replayed = 0;
        List<Difference> differences = new ArrayList<>();
        for (String account : accounts) {
            List<StoredEvent> events = ledger.events(account, 1, Long.MAX_VALUE);
            replayed += events.size();
            BalanceView fresh = replay(account, events, keepExpired);
            BalanceView live = views.find(account).orElseGet(() -> BalanceView.empty(account));
            if (!fresh.equals(live)) {
                boolean repaired = repair && fresh.appliedSequence() >= live.appliedSequence()
                        && views.replace(fresh, live.appliedSequence());
                if (repaired) {
                    projector.forget(account);
                }
                differences.add(new Difference(account, live.appliedSequence(), live.balanceAt(now),
                        fresh.appliedSequence(), fresh.balanceAt(now), repaired));
            }
        }
        return new Report(accounts.size(), replayed, differences);
    }

    /** The view built from the whole history, the way the stream projection builds it. */
    public static BalanceView replay(String accountId, List<StoredEvent> events, Duration keepExpired) {
        BalanceView view = BalanceView.empty(accountId);
        for (StoredEvent stored : events) {
            view = stored.isReadable() ? view.on(stored.event(), keepExpired) : view.passOver(stored.sequence());
        }
        return view;
    }
}
