package com.unicornstore.retail.domain;

/**
 * A purchase's outcome. PENDING while its saga runs; REFUNDING while a refund saga runs (back to
 * COMPLETED if that saga is compensated); the others are final, but for COMPLETED, which a refund ends.
 */
public enum PurchaseStatus { PENDING, COMPLETED, REJECTED, COMPENSATED, REFUNDING, REFUNDED }
