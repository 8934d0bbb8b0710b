package com.unicornstore.points.adapter;

import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsExpired;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger the commands write through: counts the points of every event appended, as
 * {@value #METER} tagged {@code kind} (issued, redeemed, expired, revoked). Only an append that
 * succeeded counts, so a replayed command or a lost race adds nothing.
 */
final class MeteredPointsLedger implements PointsLedger {

    /** Counter of points by what happened to them. */
    static final String METER = "unicorn.points";

    private final PointsLedger ledger;
    private final Map<Class<?>, Counter> counters;

    MeteredPointsLedger(PointsLedger ledger, MeterRegistry registry) {
        this.ledger = ledger;
        this.counters = Map.of(
                PointsIssued.class, counter(registry, "issued"),
                PointsRedeemed.class, counter(registry, "redeemed"),
                PointsExpired.class, counter(registry, "expired"),
                PointsRevoked.class, counter(registry, "revoked"));
    }

    private static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder(METER).tag("kind", kind)
                .description("Points issued, redeemed, expired or revoked (events appended by this instance)")
                .register(registry);
    }

    @Override
    public PointsAccount append(PointsAccount account, List<PointsEvent> events) {
        PointsAccount appended = ledger.append(account, events);
        for (PointsEvent event : events) {
            Counter counter = counters.get(event.getClass());
            if (counter != null) {
                counter.increment(event.amount());
            }
        }
        return appended;
    }

    @Override
    public PointsAccount load(String accountId) {
        return ledger.load(accountId);
    }

    @Override
    public PointsAccount reload(String accountId) {
        return ledger.reload(accountId);
    }

    @Override
    public List<StoredEvent> events(String accountId, long from, long to) {
        return ledger.events(accountId, from, to);
    }

    @Override
    public Optional<StoredEvent> event(String accountId, long sequence) {
        return ledger.event(accountId, sequence);
    }

    @Override
    public List<StoredEvent> newestFirst(String accountId, Long before, int limit) {
        return ledger.newestFirst(accountId, before, limit);
    }

    @Override
    public List<String> accountIds() {
        return ledger.accountIds();
    }
}
