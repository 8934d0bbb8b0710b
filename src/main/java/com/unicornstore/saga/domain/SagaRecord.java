package com.unicornstore.saga.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A saga as the durable log holds it: its steps, state, the instance that owns it and until when.
 * {@code failedDuring} is the direction a FAILED saga was going (COMPLETING or COMPENSATING; null
 * when unknown); {@code stepsDone} how many steps, last first, that direction had done at its last
 * failed attempt.
 */
public record SagaRecord(
        String id,
        SagaState state,
        List<SagaStep> steps,
        String owner,
        Instant leaseUntil,
        int attempts,
        String lastError,
        SagaState failedDuring,
        int stepsDone) {

    public SagaRecord {
        steps = List.copyOf(steps);
    }

    public SagaRecord(String id, SagaState state, List<SagaStep> steps, String owner, Instant leaseUntil, int attempts,
            String lastError) {
        this(id, state, steps, owner, leaseUntil, attempts, lastError, null, 0);
    }

    public boolean leaseExpiredAt(Instant now) {
        return leaseUntil.isBefore(now);
    }

    /** What each step (in the order they began) still holds, as far as the log knows. */
    public List<StepHold> holds() {
        SagaState direction = state == SagaState.FAILED ? failedDuring : state;
        List<StepHold> holds = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            int donePosition = steps.size() - 1 - i; // directions run last step first
            holds.add(StepHold.of(direction, donePosition < stepsDone));
        }
        return holds;
    }

    /** True while some step still holds what it took (stock, money, points): such a saga must not expire. */
    public boolean holdsAnything() {
        return holds().contains(StepHold.HELD);
    }
}
