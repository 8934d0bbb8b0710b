package com.unicornstore.retail.domain;

/** What a shopper asks for: {@code quantity} (1-100) of one product, paid from their wallet. */
public record PurchaseOrder(String userId, String productId, int quantity) {

    public static final int MAX_QUANTITY = 100;

    public PurchaseOrder {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be from 1 to " + MAX_QUANTITY);
        }
    }
}
