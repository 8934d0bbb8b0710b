package com.unicornstore.points.domain;

/** What the store holds at one position of an account: a readable event, or an item that cannot be read. */
public record StoredEvent(String accountId, long sequence, RecordedEvent event, String unreadableBecause) {

    public static StoredEvent readable(String accountId, RecordedEvent event) {
        return new StoredEvent(accountId, event.sequence(), event, null);
    }

    public static StoredEvent unreadable(String accountId, long sequence, String reason) {
        return new StoredEvent(accountId, sequence, null, reason);
    }

    public boolean isReadable() {
        return event != null;
    }
}
