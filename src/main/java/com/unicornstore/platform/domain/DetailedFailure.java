package com.unicornstore.platform.domain;

import java.util.Map;

/** A technical failure that carries facts the client needs (e.g. the id of the purchase it compensated). */
public final class DetailedFailure extends RuntimeException {

    private final Map<String, Object> details;

    public DetailedFailure(Throwable cause, Map<String, Object> details) {
        super(cause.getMessage(), cause);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
