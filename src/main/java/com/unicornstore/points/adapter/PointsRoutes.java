package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/** The points API: validate, (replay or) run the use case, write the response. */
public class PointsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:points.issue").routeId("points.issue")
                .bean("pointsRequests", "issue")
                .bean("idempotentRequests", "begin")
                .filter(method("idempotentRequests", "isFresh"))
                    .bean("issuingPoints", "issueOrRefuse")
                    .bean("pointsResponses", "transaction")
                    .bean("jsonResponses", "created")
                    .bean("idempotentRequests", "complete")
                .end();

        from("direct:points.redeem").routeId("points.redeem")
                .bean("pointsRequests", "redeem")
                .bean("idempotentRequests", "begin")
                .filter(method("idempotentRequests", "isFresh"))
                    .bean("redeemingPoints", "redeem")
                    .bean("pointsResponses", "transaction")
                    .bean("jsonResponses", "ok")
                    .bean("idempotentRequests", "complete")
                .end();

        from("direct:points.balance").routeId("points.balance")
                .bean("pointsRequests", "accountId")
                .bean("readingBalance", "balance")
                .bean("pointsResponses", "balance")
                .bean("jsonResponses", "ok");

        from("direct:points.history").routeId("points.history")
                .bean("pointsHistoryRequests", "page")
                .bean("pointsResponses", "history")
                .bean("jsonResponses", "ok");

        from("direct:points.revoke").routeId("points.revoke")
                .bean("pointsRevocations", "revoke");

        // a rebuild is a background job: the request starts it (202), the job's id follows it
        from("direct:points.rebuild-projection").routeId("points.rebuild-projection")
                .bean("projectionOperations", "start")
                .bean("jsonResponses", "accepted");
        from("direct:points.get-rebuild").routeId("points.get-rebuild")
                .bean("projectionOperations", "find")
                .bean("jsonResponses", "ok");
        from("direct:points.latest-rebuild").routeId("points.latest-rebuild")
                .bean("projectionOperations", "latest")
                .bean("jsonResponses", "ok");
        from("direct:points.parked-records").routeId("points.parked-records")
                .bean("parkedRecordOperations", "list")
                .bean("jsonResponses", "ok");
        from("direct:points.reapply-parked-record").routeId("points.reapply-parked-record")
                .bean("parkedRecordOperations", "reapply")
                .bean("jsonResponses", "accepted");
        from("direct:points.discard-parked-record").routeId("points.discard-parked-record")
                .bean("parkedRecordOperations", "discard")
                .bean("jsonResponses", "noContent");
        // another instance's job whose lease ran out is taken over here
        from("timer:projection-rebuild-sweep?delay={{points.rebuild.sweep-interval}}&period={{points.rebuild.sweep-interval}}")
                .routeId("points.sweep-rebuilds")
                .bean("projectionRebuilds", "sweep");
    }
}
