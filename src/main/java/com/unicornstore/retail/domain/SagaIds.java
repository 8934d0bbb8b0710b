package com.unicornstore.retail.domain;

import com.unicornstore.platform.domain.Identifiers;

/**
 * Saga ids derived from the purchase, so that anyone holding the purchase finds its sagas in the
 * saga log (recovery of purchases whose saga never began, a refund retried on another instance).
 */
public final class SagaIds {

    private SagaIds() {}

    public static String purchase(String purchaseId) {
        return Identifiers.nameBased("purchase-saga", purchaseId);
    }

    /** Every refund attempt runs a saga of its own: one compensated leaves the purchase refundable again. */
    public static String refund(String purchaseId, int attempt) {
        return Identifiers.nameBased("refund-saga", purchaseId, Integer.toString(attempt));
    }
}
