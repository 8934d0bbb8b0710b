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

        from("direct:points.rebuild-projection").routeId("points.rebuild-projection")
                .bean("projectionOperations", "rebuild")
                .bean("jsonResponses", "ok");
    }
}
