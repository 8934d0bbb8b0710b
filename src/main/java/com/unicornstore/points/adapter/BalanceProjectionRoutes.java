package com.unicornstore.points.adapter;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The read side: batches of the events table's stream (read by {@link BalanceStreamWorker}) feed the
 * balance projection one record at a time, the views written when the batch ends. A record that
 * still fails after a few redeliveries is parked and the stream keeps flowing.
 */
public class BalanceProjectionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(BalanceRecordProcessor.BATCH_ENDPOINT).routeId("points.project-batch")
                .split(body())
                    .setProperty(Exchange.BATCH_COMPLETE, exchangeProperty(Exchange.SPLIT_COMPLETE))
                    .to("direct:points.project-balance")
                .end();

        from("direct:points.project-balance").routeId("points.project-balance")
                .errorHandler(deadLetterChannel("direct:points.park-record")
                        .maximumRedeliveries(3).redeliveryDelay(200).useOriginalMessage())
                .bean("balanceStreamListener", "onRecord");

        from("direct:points.park-record").routeId("points.park-record")
                .bean("balanceStreamListener", "park");
    }
}
