package com.unicornstore.retail.domain;

/** Shoppers' money, debited per purchase with the same idempotency guarantees as {@link Inventory}. */
public interface Wallets {

    /** Takes {@code amount} for the purchase. Refuses when the balance is short. */
    void debit(String username, String purchaseId, long amount);

    /** Gives the purchase's debit back, if there is one; blocks it from happening later if not. */
    void refund(String username, String purchaseId, long amount);

    /** The purchase went through: its debit is final. */
    void confirm(String username, String purchaseId);

    /** A completed purchase was refunded: its price goes back to the wallet, once. */
    void credit(String username, String purchaseId, long amount);
}
