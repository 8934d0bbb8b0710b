package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/** The purchase API's HTTP contract; each operation hands over to the direct: route of the same name. */
public class PurchaseRestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/purchase").description("Buying unicorns")
                .post().id("retail.http-purchase").description("Buy: runs the purchase saga").consumes("application/json")
                    .produces("application/json").to("direct:retail.purchase")
                .get("/{id}").id("retail.http-get-purchase").description("A purchase, how it ended, its saga's steps")
                    .produces("application/json").to("direct:retail.get-purchase")
                .post("/{id}/refund").id("retail.http-refund").description("Refunds a COMPLETED purchase within the refund window, as a saga; idempotent")
                    .produces("application/json").to("direct:retail.refund");
    }
}
