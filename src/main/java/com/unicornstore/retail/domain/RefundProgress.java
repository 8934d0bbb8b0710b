package com.unicornstore.retail.domain;

import java.util.Set;

/**
 * Where a purchase's refund stands: its latest attempt (0: none) and that attempt's saga, the
 * points the refund took back (null until recorded) and what it already gave back ({@link #WALLET},
 * {@link #STOCK}). Kept on the purchase, so a step run again gives nothing twice, whatever the
 * stock and wallet items still remember.
 */
public record RefundProgress(int attempt, String sagaId, Long pointsRevoked, Set<String> given) {

    public static final String WALLET = "wallet";
    public static final String STOCK = "stock";
    public static final RefundProgress NONE = new RefundProgress(0, null, null, Set.of());

    public RefundProgress {
        given = Set.copyOf(given);
    }

    public boolean gave(String what) {
        return given.contains(what);
    }
}
