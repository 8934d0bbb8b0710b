package com.unicornstore.points.domain;

/**
 * What the store holds at one position of an account: a readable event (upcast to the current
 * shape, {@code schemaVersion} telling which shape it was stored in), or an item that cannot be read.
 */
public record StoredEvent(String accountId, long sequence, RecordedEvent event, String unreadableBecause,
        int schemaVersion) {

    public static StoredEvent readable(String accountId, RecordedEvent event) {
        return readable(accountId, event, PointsEvent.SCHEMA_VERSION);
    }

    public static StoredEvent readable(String accountId, RecordedEvent event, int schemaVersion) {
        return new StoredEvent(accountId, event.sequence(), event, null, schemaVersion);
    }

    public static StoredEvent unreadable(String accountId, long sequence, String reason) {
        return new StoredEvent(accountId, sequence, null, reason, 0);
    }

    public boolean isReadable() {
        return event != null;
    }
}
