package com.unicornstore.saga.domain;

import java.util.Map;

/**
 * One participant of a saga as the log keeps it: the endpoints to call to compensate or complete
 * it (either may be absent) and the option values they receive as headers, stored as text.
 */
public record SagaStep(String compensation, String completion, Map<String, String> options) {

    public SagaStep {
        options = Map.copyOf(options);
    }
}
