package com.unicornstore.retail.domain;

/** A shopper's money, in the same whole units as prices. */
public record Wallet(String username, long balance) {

    public Wallet {
        if (balance < 0) {
            throw new IllegalArgumentException("a wallet balance is never negative");
        }
    }
}
