package com.unicornstore.saga.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a saga is in its life. COMPLETED, COMPENSATED and FAILED are final. */
public enum SagaState {
    RUNNING, COMPLETING, COMPLETED, COMPENSATING, COMPENSATED, FAILED;

    /** States in which some instance still owes the saga work, and may have died owing it. */
    public static final Set<SagaState> OPEN = EnumSet.of(RUNNING, COMPLETING, COMPENSATING);

    public boolean isFinal() {
        return !OPEN.contains(this);
    }
}
