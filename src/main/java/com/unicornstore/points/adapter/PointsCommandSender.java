package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * How other contexts send points commands: the body (an IssuePoints / RevokePoints JSON document)
 * goes to the points-commands queue without any header, since SQS would turn headers into message
 * attributes (at most 10) and internal state would leak into the queue.
 */
public class PointsCommandSender extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:points.send-command").routeId("points.send-command")
                .removeHeaders("*")
                .to("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false");
    }
}
