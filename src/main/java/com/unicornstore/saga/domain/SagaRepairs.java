package com.unicornstore.saga.domain;

import com.unicornstore.platform.domain.Rejection;

/**
 * What an operator may do with a saga, and into which state it reopens. Only a FAILED saga can be
 * repaired: an open one is driven by its owner (or recovery), a finished one holds nothing.
 * <ul>
 * <li>retry: runs the direction it failed in again, from its first step (actions are idempotent);
 * <li>compensate: only a saga that never decided to complete, i.e. one that FAILED while
 * compensating. One that FAILED while completing was told to its caller as done and may have
 * confirmed steps: it can only be retried.
 * </ul>
 */
public final class SagaRepairs {

    private SagaRepairs() {}

    public static SagaState retry(SagaRecord saga) {
        requireFailed(saga, "retried");
        if (saga.failedDuring() == null) {
            throw conflict("saga-direction-unknown", "Saga " + saga.id()
                    + " does not say which direction failed; compensate it instead.");
        }
        return saga.failedDuring();
    }

    public static SagaState compensate(SagaRecord saga) {
        requireFailed(saga, "compensated");
        if (saga.failedDuring() == SagaState.COMPLETING) {
            throw conflict("saga-completing", "Saga " + saga.id()
                    + " failed while completing: it was decided complete, so it can only be retried.");
        }
        return SagaState.COMPENSATING;
    }

    private static void requireFailed(SagaRecord saga, String action) {
        if (saga.state() != SagaState.FAILED) {
            throw conflict("saga-not-failed", "Saga " + saga.id() + " is " + saga.state()
                    + "; only a FAILED saga can be " + action + ".");
        }
    }

    private static Rejection conflict(String code, String detail) {
        return new Rejection(Rejection.Kind.CONFLICT, code, detail);
    }
}
