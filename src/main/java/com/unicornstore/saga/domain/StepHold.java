package com.unicornstore.saga.domain;

/** What one saga step holds: still HELD, CONFIRMED by its completion, or RELEASED by its compensation. */
public enum StepHold {
    HELD, CONFIRMED, RELEASED;

    /** The hold of a step in a saga going {@code direction} (its state, or the one a FAILED saga failed in). */
    static StepHold of(SagaState direction, boolean doneInDirection) {
        if (direction == null) {
            return HELD;
        }
        return switch (direction) {
            case COMPLETED -> CONFIRMED;
            case COMPENSATED -> RELEASED;
            case COMPLETING -> doneInDirection ? CONFIRMED : HELD;
            case COMPENSATING -> doneInDirection ? RELEASED : HELD;
            default -> HELD;
        };
    }
}
