package com.unicornstore.points.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read model of one account: one entry per lot (bucket) that holds or forfeited points, built
 * from the account's events in order. {@link #on} ignores an event at or below {@code appliedSequence},
 * so a record delivered twice, or late, never counts twice. Issues into an existing lot add to its
 * entry; fully spent lots are dropped; lots whose expiry is recorded stay as {@code expired} entries
 * until {@code keepExpired} after their expiry (judged by the time of the event being applied), so
 * the view is bounded like the account, plus that tail.
 */
public record BalanceView(String accountId, long appliedSequence, List<BalanceEntry> entries) {

    public BalanceView {
        entries = List.copyOf(entries);
    }

    public static BalanceView empty(String accountId) {
        return new BalanceView(accountId, 0, List.of());
    }

    /** True when {@code recorded} is the very next event of this account. */
    public boolean isNext(RecordedEvent recorded) {
        return recorded.sequence() == appliedSequence + 1;
    }

    public BalanceView on(RecordedEvent recorded, Duration keepExpired) {
        if (recorded.sequence() <= appliedSequence) {
            return this;
        }
        List<BalanceEntry> next = new ArrayList<>(entries);
        PointsEvent event = recorded.event();
        if (event instanceof PointsIssued issued) {
            add(next, issued);
        } else if (event instanceof PointsExpired expired) {
            expired.lots().forEach(share -> update(next, share, expired.occurredAt(), true));
        } else if (event instanceof TakesFromLots taking) {
            taking.lots().forEach(share -> update(next, share, event.occurredAt(), false));
        }
        Instant keptSince = event.occurredAt().minus(keepExpired);
        next.removeIf(entry -> entry.expiryRecorded() && entry.expiresAt().isBefore(keptSince));
        return new BalanceView(accountId, recorded.sequence(), next);
    }

    /** Moves past an event that cannot be read (it was parked), so the events after it still apply. */
    public BalanceView passOver(long sequence) {
        return sequence <= appliedSequence ? this : new BalanceView(accountId, sequence, entries);
    }

    public long balanceAt(Instant now) {
        return entries.stream().filter(entry -> !entry.isExpiredAt(now)).mapToLong(BalanceEntry::remaining).sum();
    }

    /** The earliest expiry among lots still holding unexpired-on-record points, or null when there is none. */
    public Instant nextExpiry() {
        return entries.stream().filter(entry -> !entry.expiryRecorded()).map(BalanceEntry::expiresAt)
                .min(Instant::compareTo).orElse(null);
    }

    private static void add(List<BalanceEntry> entries, PointsIssued issued) {
        for (int i = 0; i < entries.size(); i++) {
            BalanceEntry entry = entries.get(i);
            if (entry.lotId().equals(issued.lotId()) && !entry.expiryRecorded()) {
                entries.set(i, new BalanceEntry(entry.lotId(), entry.issuedAt(), entry.expiresAt(),
                        entry.remaining() + issued.amount(), issued.occurredAt(), false));
                return;
            }
        }
        entries.add(new BalanceEntry(issued.lotId(), issued.occurredAt(), issued.expiresAt(), issued.amount(),
                issued.occurredAt(), false));
    }

    private static void update(List<BalanceEntry> entries, LotShare share, Instant at, boolean expiry) {
        for (int i = 0; i < entries.size(); i++) {
            BalanceEntry entry = entries.get(i);
            if (entry.lotId().equals(share.lotId()) && !entry.expiryRecorded()) {
                if (expiry) {
                    entries.set(i, new BalanceEntry(entry.lotId(), entry.issuedAt(), entry.expiresAt(),
                            share.amount(), at, true));
                } else if (entry.remaining() > share.amount()) {
                    entries.set(i, new BalanceEntry(entry.lotId(), entry.issuedAt(), entry.expiresAt(),
                            entry.remaining() - share.amount(), at, false));
                } else {
                    entries.remove(i);
                }
                return;
            }
        }
    }
}
