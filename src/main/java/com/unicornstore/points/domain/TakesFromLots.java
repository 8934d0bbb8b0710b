package com.unicornstore.points.domain;

import java.util.List;

/** An event that removes points from lots: redemption, expiry, revocation. */
public interface TakesFromLots {

    List<LotShare> lots();

    static void requireConsistent(long amount, List<LotShare> lots) {
        long sum = lots.stream().mapToLong(LotShare::amount).sum();
        if (amount <= 0 || sum != amount) {
            throw new IllegalArgumentException("the lots taken from must add up to the positive amount");
        }
    }
}
