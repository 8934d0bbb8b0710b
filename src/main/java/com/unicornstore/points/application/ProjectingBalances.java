package com.unicornstore.points.application;

import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import com.unicornstore.points.domain.ParkedRecords;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.StoredEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the balance read model from the event stream. Idempotent and order-safe: an event at or
 * below a view's applied sequence is ignored; a gap (a lost or late record) is filled from the
 * event store, so events always apply in order. Views are cached per instance and written once
 * per stream batch, each write conditional on the stored view's sequence; a write that loses
 * (another instance, a rebuild) starts again from the stored view. An event that cannot be read
 * is parked and skipped, so the account's later events still apply.
 */
public final class ProjectingBalances {

    private static final int WRITE_ATTEMPTS = 5;
    private static final int FLUSH_ATTEMPTS = 3;

    /** A view and the sequence of the version known to be stored. */
    private record Cached(BalanceView view, long storedSequence) {}

    private final BalanceViews views;
    private final PointsLedger ledger;
    private final ParkedRecords parked;
    private final Duration keepExpired;
    private final Map<String, Cached> cache;
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, Integer> failedFlushes = new HashMap<>();

    public ProjectingBalances(BalanceViews views, PointsLedger ledger, ParkedRecords parked, int cacheSize,
            Duration keepExpired) {
        this.views = views;
        this.keepExpired = keepExpired;
        this.ledger = ledger;
        this.parked = parked;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize && !dirty.contains(eldest.getKey());
            }
        };
    }

    /** Applies one stored event to its account's view (in memory until {@link #flush}). */
    public synchronized void on(StoredEvent stored) {
        Cached cached = cached(stored.accountId());
        BalanceView view = cached.view();
        if (stored.sequence() <= view.appliedSequence()) {
            return;
        }
        if (stored.sequence() > view.appliedSequence() + 1) {
            view = catchUp(view, stored.sequence() - 1);
        }
        cache.put(stored.accountId(), new Cached(apply(view, stored), cached.storedSequence()));
        dirty.add(stored.accountId());
    }

    /**
     * Writes every view changed since the last flush. One account whose view cannot be written
     * does not hold the others back: it stays to be written at the next flush and, after
     * {@value #FLUSH_ATTEMPTS} failed flushes, is parked and forgotten; its next event reloads the
     * stored view and catches up from the event store, and a rebuild can repair it.
     */
    public synchronized void flush() {
        for (String accountId : Set.copyOf(dirty)) {
            try {
                write(cache.get(accountId));
                dirty.remove(accountId);
                failedFlushes.remove(accountId);
            } catch (RuntimeException failure) {
                if (failedFlushes.merge(accountId, 1, Integer::sum) >= FLUSH_ATTEMPTS) {
                    parked.park("balance-views", accountId, accountId, "view not stored after " + FLUSH_ATTEMPTS + " flushes: " + failure);
                    dirty.remove(accountId);
                    failedFlushes.remove(accountId);
                    cache.remove(accountId);
                }
            }
        }
    }

    /** True while a view changed by an applied event is not stored (its write failed at the last flush). */
    public synchronized boolean hasUnstoredViews() {
        return !dirty.isEmpty();
    }

    /** Forgets the cached view of an account, e.g. after a rebuild wrote a new one. */
    public synchronized void forget(String accountId) {
        if (!dirty.contains(accountId)) {
            cache.remove(accountId);
        }
    }

    private void write(Cached cached) {
        BalanceView view = cached.view();
        long expected = cached.storedSequence();
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            if (views.replace(view, expected)) {
                cache.put(view.accountId(), new Cached(view, view.appliedSequence()));
                return;
            }
            String accountId = view.accountId();
            BalanceView stored = views.find(accountId).orElseGet(() -> BalanceView.empty(accountId));
            if (stored.appliedSequence() >= view.appliedSequence()) {
                cache.put(view.accountId(), new Cached(stored, stored.appliedSequence()));
                return;
            }
            expected = stored.appliedSequence();
            view = catchUp(stored, view.appliedSequence());
        }
        throw new IllegalStateException("could not store the balance view of " + view.accountId());
    }

    private Cached cached(String accountId) {
        Cached cached = cache.get(accountId);
        if (cached == null) {
            BalanceView stored = views.find(accountId).orElseGet(() -> BalanceView.empty(accountId));
            cached = new Cached(stored, stored.appliedSequence());
            cache.put(accountId, cached);
        }
        return cached;
    }

    private BalanceView catchUp(BalanceView view, long upTo) {
        BalanceView current = view;
        for (StoredEvent missing : ledger.events(view.accountId(), view.appliedSequence() + 1, upTo)) {
            current = apply(current, missing);
        }
        return current;
    }

    private BalanceView apply(BalanceView view, StoredEvent stored) {
        if (stored.isReadable()) {
            return view.on(stored.event(), keepExpired);
        }
        parked.park("point-events", stored.accountId() + "#" + stored.sequence(), stored.accountId(),
                stored.unreadableBecause());
        return view.passOver(stored.sequence());
    }
}
