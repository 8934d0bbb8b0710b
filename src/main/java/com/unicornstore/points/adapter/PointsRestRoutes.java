package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/** The points API's HTTP contract; each operation hands over to the direct: route of the same name. */
public class PointsRestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/points").description("Loyalty points ledger")
                .post().id("points.http-issue").description("Issue points: one new lot; Idempotency-Key honoured")
                    .produces("application/json").to("direct:points.issue")
                .delete().id("points.http-redeem").description("Redeem points, oldest unexpired first; 409 when short")
                    .produces("application/json").to("direct:points.redeem")
                .get().id("points.http-balance").description("Balance and lots of an account, against the clock")
                    .produces("application/json").to("direct:points.balance")
                .get("/history").id("points.http-history").description("An account's events, newest first, paged")
                    .produces("application/json").to("direct:points.history")
                .post("/projection/rebuild").id("points.http-rebuild-projection")
                    .description("Operator: replay the event store, report (and repair) differences in the read model")
                    .produces("application/json").to("direct:points.rebuild-projection");
    }
}
