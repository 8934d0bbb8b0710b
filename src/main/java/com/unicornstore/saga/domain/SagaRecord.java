package com.unicornstore.saga.domain;

import java.time.Instant;
import java.util.List;

/** A saga as the durable log holds it: its steps, state, the instance that owns it and until when. */
public record SagaRecord(
        String id,
        SagaState state,
        List<SagaStep> steps,
        String owner,
        Instant leaseUntil,
        int attempts,
        String lastError) {

    public SagaRecord {
        steps = List.copyOf(steps);
    }

    public boolean leaseExpiredAt(Instant now) {
        return leaseUntil.isBefore(now);
    }
}
