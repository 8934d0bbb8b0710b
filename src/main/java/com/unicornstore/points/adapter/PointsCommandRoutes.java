package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Rejection;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Points commands from the queue the purchase saga and partners write to. A message that can never
 * succeed (unreadable, invalid: a {@link Rejection}) is parked in the dead-letter queue at once with
 * its reason; one that failed for a passing reason (a backend outage) is not deleted, so the queue
 * delivers it again and only after {@code maxReceiveCount} tries moves it to the dead-letter queue
 * ({@code QueueFailures}). A partner's command (with a command id) gets its outcome replied.
 */
public class PointsCommandRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false&deleteAfterRead=true&initialDelay=0"
                + "&waitTimeSeconds={{points.commands.wait-seconds}}"
                + "&visibilityTimeout={{points.commands.visibility-timeout}}"
                + "&attributeNames=All&messageAttributeNames=All")
                .routeId("points.consume-commands")
                .onException(Exception.class)
                    .handled((Predicate) method("queueFailures", "isFinal"))
                    .useOriginalMessage()
                    .bean("queueFailures", "handle")
                .end()
                .bean("pointsCommandMessages", "handle")
                .filter(body().isNotNull())
                    .bean("queueReplies", "reply")
                .end();
    }
}
