package com.unicornstore.retail.domain;

/** A purchase's outcome. PENDING while its saga runs; the others are final, but for COMPLETED, which a refund ends. */
public enum PurchaseStatus { PENDING, COMPLETED, REJECTED, COMPENSATED, REFUNDED }
