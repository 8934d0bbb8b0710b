package com.unicornstore.retail.domain;

/** A unicorn for sale. Money and stock are whole numbers: price in the store's smallest unit. */
public record Product(String id, String name, String description, long price, long stock, String image) {

    public Product {
        if (price < 0 || stock < 0) {
            throw new IllegalArgumentException("price and stock are never negative");
        }
    }
}
