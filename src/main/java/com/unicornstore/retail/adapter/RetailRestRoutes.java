package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/** The retail API's HTTP contract; each operation hands over to the direct: route of the same name. */
public class RetailRestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/products").description("Unicorns for sale")
                .get().id("retail.http-list-products").description("Every product, ordered by id")
                    .produces("application/json").to("direct:retail.list-products")
                .get("/{id}").id("retail.http-get-product").description("One product; 404 when unknown")
                    .produces("application/json").to("direct:retail.get-product");

        rest("/users/balance").description("Shoppers' wallets")
                .get("/{username}").id("retail.http-get-wallet").description("A shopper's wallet balance")
                    .produces("application/json").to("direct:retail.get-wallet");
    }
}
