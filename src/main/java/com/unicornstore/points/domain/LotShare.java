package com.unicornstore.points.domain;

/** How many points an event took from one lot. */
public record LotShare(String lotId, long amount) {

    public LotShare {
        if (lotId == null || amount <= 0) {
            throw new IllegalArgumentException("a lot share names a lot and takes a positive amount");
        }
    }
}
