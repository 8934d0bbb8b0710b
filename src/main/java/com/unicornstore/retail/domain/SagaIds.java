package com.unicornstore.retail.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Saga ids derived from the purchase, so that anyone holding the purchase finds its sagas in the
 * saga log (recovery of purchases whose saga never began, a refund retried on another instance).
 */
public final class SagaIds {

    private SagaIds() {}

    public static String purchase(String purchaseId) {
        return derived("purchase-saga\n" + purchaseId);
    }

    /** Every refund attempt runs a saga of its own: one compensated leaves the purchase refundable again. */
    public static String refund(String purchaseId, int attempt) {
        return derived("refund-saga\n" + purchaseId + "\n" + attempt);
    }

    private static String derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
