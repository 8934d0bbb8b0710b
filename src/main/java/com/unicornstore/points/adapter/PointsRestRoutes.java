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
                    .description("Operator: start a background replay of the event store that reports (and repairs) "
                            + "differences in the read model; 202 with the job, 409 while one runs")
                    .produces("application/json").to("direct:points.rebuild-projection")
                .get("/projection/rebuild").id("points.http-latest-rebuild")
                    .description("Operator: the rebuild that runs, or the last one that ran, with its progress and report")
                    .produces("application/json").to("direct:points.latest-rebuild")
                .get("/projection/rebuild/{job_id}").id("points.http-get-rebuild")
                    .description("Operator: a rebuild's state, progress and difference report")
                    .produces("application/json").to("direct:points.get-rebuild")
                .get("/projection/parked").id("points.http-parked-records")
                    .description("Operator: records the projection parked (poison, views it could not store), newest first, paged")
                    .produces("application/json").to("direct:points.parked-records")
                .post("/projection/parked/{parked_id}/reapply").id("points.http-reapply-parked-record")
                    .description("Operator: replay the parked record's account from the event store and repair its view, "
                            + "as a background rebuild; 202 with the job")
                    .produces("application/json").to("direct:points.reapply-parked-record")
                .delete("/projection/parked/{parked_id}").id("points.http-discard-parked-record")
                    .description("Operator: discard one parked record")
                    .to("direct:points.discard-parked-record");
    }
}
