package com.unicornstore.retail.domain;

import java.util.Optional;

/** The record of every purchase. */
public interface Purchases {

    void add(Purchase purchase);

    /** Records how the purchase ended; a purchase that already ended keeps its first outcome. */
    void end(String purchaseId, PurchaseStatus status, long total, long points, String reason);

    Optional<Purchase> find(String purchaseId);
}
