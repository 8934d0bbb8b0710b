package com.unicornstore.points.domain;

/** An event as the ledger stored it: at position {@code sequence} (1, 2, ...) of its account's history. */
public record RecordedEvent(long sequence, PointsEvent event) {}
