package com.unicornstore.retail.domain;

/**
 * Stock, reserved per purchase. Every operation is idempotent per purchase id, and a release
 * that arrives before its reservation (or instead of it) makes that reservation impossible.
 */
public interface Inventory {

    /** Takes {@code quantity} from stock for the purchase; returns the unit price. Refuses short stock. */
    long reserve(String productId, String purchaseId, int quantity);

    /** Puts the purchase's reservation back, if there is one; blocks it from happening later if not. */
    void release(String productId, String purchaseId, int quantity);

    /** The purchase went through: its reservation becomes a sale. */
    void confirm(String productId, String purchaseId);

    /** A sold purchase was refunded: its units go back to stock, once. */
    void restock(String productId, String purchaseId, int quantity);
}
