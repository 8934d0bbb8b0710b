package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * The read side: records of the events table's stream (see {@link BalanceStreamRoute}) feed the
 * balance projection. A record that still fails after a few redeliveries is parked and the stream
 * keeps flowing.
 */
public class BalanceProjectionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:points.project-balance").routeId("points.project-balance")
                .errorHandler(deadLetterChannel("direct:points.park-record")
                        .maximumRedeliveries(3).redeliveryDelay(200).useOriginalMessage())
                .bean("balanceStreamListener", "onRecord");

        from("direct:points.park-record").routeId("points.park-record")
                .bean("balanceStreamListener", "park");
    }
}
