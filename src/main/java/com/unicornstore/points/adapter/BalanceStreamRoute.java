package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * The events table's DynamoDB stream, read from its start (the projection is idempotent), handed
 * to the projection. Kept apart so {@link StreamRecovery} can replace just this route.
 */
public class BalanceStreamRoute extends RouteBuilder {

    static final String ROUTE_ID = "points.balance-stream";

    @Override
    public void configure() {
        from("aws2-ddbstream:{{unicorn.tables.point-events}}?streamIteratorType=FROM_START&initialDelay=0"
                + "&delay={{points.projection.poll-delay}}&greedy=true&maxResultsPerRequest=1000"
                + "&pollStrategy=#balanceStreamRecovery")
                .routeId(ROUTE_ID)
                .to("direct:points.project-balance");
    }
}
