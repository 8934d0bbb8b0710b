package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.RecordedEvent;
import com.unicornstore.points.domain.StoredEvent;
import java.util.List;

/** Pages through an account's events, newest first. */
public final class ReadingHistory {

    /** One page; {@code nextBefore} is the sequence to continue below, or null on the last page. */
    public record Page(List<RecordedEvent> items, Long nextBefore) {}

    private final PointsLedger ledger;

    public ReadingHistory(PointsLedger ledger) {
        this.ledger = ledger;
    }

    public Page page(String accountId, Long before, int limit) {
        List<StoredEvent> stored = ledger.newestFirst(accountId, before, limit + 1);
        boolean more = stored.size() > limit;
        List<StoredEvent> shown = more ? stored.subList(0, limit) : stored;
        List<RecordedEvent> items = shown.stream().filter(StoredEvent::isReadable).map(StoredEvent::event).toList();
        return new Page(items, more ? shown.get(shown.size() - 1).sequence() : null);
    }
}
