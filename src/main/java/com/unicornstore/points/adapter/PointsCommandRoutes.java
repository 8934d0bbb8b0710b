package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * Points commands from the queue the purchase saga writes to. A message whose processing fails is
 * not deleted: the queue delivers it again and, after {@code maxReceiveCount} tries, moves it to
 * the dead-letter queue.
 */
public class PointsCommandRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false&deleteAfterRead=true&initialDelay=0"
                + "&waitTimeSeconds={{points.commands.wait-seconds}}"
                + "&visibilityTimeout={{points.commands.visibility-timeout}}")
                .routeId("points.consume-commands")
                .bean("pointsCommandMessages", "handle");
    }
}
