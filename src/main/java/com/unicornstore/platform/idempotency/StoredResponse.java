package com.unicornstore.platform.idempotency;

/** The response given to the first request with an idempotency key: what a retry gets back. */
public record StoredResponse(int status, String contentType, String body) {}
