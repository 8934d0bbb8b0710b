package com.unicornstore.points.domain;

import java.time.Instant;

/** Something that happened to a points account; immutable, stored once, never changed. */
public sealed interface PointsEvent permits PointsIssued, PointsRedeemed, PointsExpired, PointsRevoked {

    /** The version of the stored shape of events; readers refuse what they do not know. */
    int SCHEMA_VERSION = 1;

    String id();

    String accountId();

    long amount();

    Instant occurredAt();

    /** The purchase id or idempotency key that caused the event. */
    String correlationId();

    default int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
