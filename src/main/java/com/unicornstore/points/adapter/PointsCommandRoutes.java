package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.SqsLongPolling;
import com.unicornstore.platform.domain.Rejection;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;

/**
 * Points commands from the queue the purchase saga and partners write to. A message that can never
 * succeed (unreadable, invalid: a {@link Rejection}) is parked in the dead-letter queue at once with
 * its reason; one that failed for a passing reason (a backend outage) is not deleted, so the queue
 * delivers it again and only after {@code maxReceiveCount} tries moves it to the dead-letter queue
 * ({@code QueueFailures}). A partner's command (with a command id) gets its outcome replied.
 */
public class PointsCommandRoutes extends RouteBuilder {

    private final SqsLongPolling longPolling;

    public PointsCommandRoutes(SqsLongPolling longPolling) {
        this.longPolling = longPolling;
    }

    @Override
    public void configure() {
        Sqs2Endpoint commands = endpoint("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false"
                + "&deleteAfterRead=true&initialDelay=0"
                + "&visibilityTimeout={{points.commands.visibility-timeout}}&attributeNames=All&messageAttributeNames=All",
                Sqs2Endpoint.class);
        // an idle consumer costs one receive per long poll, on the client whose timeouts allow for it
        longPolling.adopt(commands);
        from(commands)
                .routeId("points.consume-commands")
                .onException(Exception.class)
                    .handled((Predicate) method("queueFailures", "isFinal"))
                    .useOriginalMessage()
                    .bean("queueFailures", "handle")
                .end()
                // for the logs: a purchase's command names its purchase (PurchaseIdLogging)
                .setHeader("purchaseId", method("pointsCommandMessages", "correlationOf"))
                .bean("pointsCommandMessages", "handle")
                .filter(body().isNotNull())
                    .bean("queueReplies", "reply")
                .end();
    }
}
