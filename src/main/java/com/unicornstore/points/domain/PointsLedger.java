package com.unicornstore.points.domain;

import java.util.List;

/** The event store of points accounts: append-only, one conditional write per event. */
public interface PointsLedger {

    /** The account as this instance last knew it; may be behind the store (an append then fails). */
    PointsAccount load(String accountId);

    /** The account as the store has it now. */
    PointsAccount reload(String accountId);

    /**
     * Stores {@code events} after {@code account}'s last event and returns the account with them
     * applied. Throws {@link ConcurrentAppend} when another writer stored an event there first.
     */
    PointsAccount append(PointsAccount account, List<PointsEvent> events);

    /** The account's events with sequence from {@code from} to {@code to} inclusive, oldest first. */
    List<StoredEvent> events(String accountId, long from, long to);

    /** The one event at {@code sequence}, read by key (no query), or empty when there is none. */
    java.util.Optional<StoredEvent> event(String accountId, long sequence);

    /** Up to {@code limit} events before sequence {@code before} (null: from the newest), newest first. */
    List<StoredEvent> newestFirst(String accountId, Long before, int limit);

    /** Every account that has at least one event. */
    List<String> accountIds();

    /** Another writer appended to the account first: reload and decide again. */
    final class ConcurrentAppend extends RuntimeException {
        public ConcurrentAppend(String accountId, long sequence) {
            super("account " + accountId + " already has an event at " + sequence, null, false, false);
        }
    }
}
