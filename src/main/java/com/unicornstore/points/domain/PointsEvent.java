package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;

/** Something that happened to a points account; immutable, stored once, never changed. */
public sealed interface PointsEvent permits PointsIssued, PointsRedeemed, PointsExpired, PointsRevoked {

    /**
     * The version of the stored shape of events; readers upcast older versions and refuse what they
     * do not know. 1: one lot per issue, named by the event id. 2: issues name the lot
     * (bucket) they merge into.
     */
    int SCHEMA_VERSION = 2;

    String id();

    String accountId();

    long amount();

    Instant occurredAt();

    /** The purchase id or idempotency key that caused the event. */
    String correlationId();

    /** Who caused the event, through which channel and message; {@link Origin#UNKNOWN} for events stored before origins were kept. */
    Origin origin();

    default int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
