package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * The read side: the events table's DynamoDB stream feeds the balance projection. A record that
 * still fails after a few redeliveries is parked and the stream keeps flowing.
 */
public class BalanceProjectionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-ddbstream:{{unicorn.tables.point-events}}?streamIteratorType=FROM_START&delay={{points.projection.poll-delay:200}}"
                + "&greedy=true&maxResultsPerRequest=1000")
                .routeId("points.balance-stream")
                .to("direct:points.project-balance");

        from("direct:points.project-balance").routeId("points.project-balance")
                .errorHandler(deadLetterChannel("direct:points.park-record")
                        .maximumRedeliveries(3).redeliveryDelay(200).useOriginalMessage())
                .bean("balanceStreamListener", "onRecord");

        from("direct:points.park-record").routeId("points.park-record")
                .bean("balanceStreamListener", "park");
    }
}
