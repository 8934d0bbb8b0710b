package com.unicornstore.saga.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import org.apache.camel.Header;

/** Reads one saga from the log for the operators' endpoint. */
public final class SagaViews {

    private final SagaLog log;

    public SagaViews(SagaLog log) {
        this.log = log;
    }

    public SagaRecord find(@Header("id") String id) {
        return log.find(Identifiers.require("id", id))
                .orElseThrow(() -> Rejection.notFound("saga-not-found", "No saga with id '" + id + "'."));
    }
}
