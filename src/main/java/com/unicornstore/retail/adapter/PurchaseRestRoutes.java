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

        rest("/purchases").description("A shopper's purchases")
                .get().id("retail.http-list-purchases").description("{items, next_cursor}: a shopper's purchases, newest "
                        + "first, each as GET /purchase/{id} shows it; ?user_id= (a shopper's own only), ?limit= 1-100 "
                        + "(20), ?cursor= the next page")
                    .produces("application/json").to("direct:retail.list-purchases");
    }
}
