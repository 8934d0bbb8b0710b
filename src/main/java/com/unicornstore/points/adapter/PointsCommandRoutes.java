package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Rejection;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Points commands from the queue the purchase saga writes to. A message that can never succeed
 * (unreadable, invalid: a {@link Rejection}) goes to the dead-letter queue at once; one that failed
 * for a passing reason (a backend outage) is not deleted, so the queue delivers it again and only
 * after {@code maxReceiveCount} tries moves it to the dead-letter queue.
 */
public class PointsCommandRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false&deleteAfterRead=true&initialDelay=0"
                + "&waitTimeSeconds={{points.commands.wait-seconds}}"
                + "&visibilityTimeout={{points.commands.visibility-timeout}}"
                // the trace context the sender's tracer put into message attributes (W3C trace context)
                + "&messageAttributeNames=traceparent,tracestate,baggage")
                .routeId("points.consume-commands")
                .onException(Rejection.class).handled(true)
                    .log(LoggingLevel.WARN, "Poison points command parked in the dead-letter queue: ${exception.message}")
                    .removeHeaders("*")
                    .to("aws2-sqs:{{unicorn.queues.points-commands-dlq}}?autoCreateQueue=false")
                .end()
                // for the logs: a purchase's command names its purchase (PurchaseIdLogging)
                .setHeader("purchaseId", method("pointsCommandMessages", "correlationOf"))
                .bean("pointsCommandMessages", "handle");
    }
}
