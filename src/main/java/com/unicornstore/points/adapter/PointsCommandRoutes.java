package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.SqsLongPolling;
import com.unicornstore.platform.domain.Rejection;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Points commands from the queue the purchase saga and partners write to. A message that can never
 * succeed (unreadable, invalid: a {@link Rejection}) is parked in the dead-letter queue at once with
 * its reason; one that failed for a passing reason (a backend outage) is not deleted, so the queue
 * delivers it again and only after {@code maxReceiveCount} tries moves it to the dead-letter queue
 * ({@code QueueFailures}). A partner's command (with a command id) gets its outcome replied.
 */
public class PointsCommandRoutes extends RouteBuilder {

    /** The most commands one instance applies at once ({@code points.commands.concurrency}). */
    static final int MAX_CONCURRENCY = 32;

    private final SqsLongPolling longPolling;
    private final int concurrency;

    /** Applies up to {@code concurrency} commands at once (1-32). */
    public PointsCommandRoutes(SqsLongPolling longPolling, int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalStateException("points.commands.concurrency must be 1-" + MAX_CONCURRENCY + ", not " + concurrency);
        }
        this.longPolling = longPolling;
        this.concurrency = concurrency;
    }

    @Override
    public void configure() {
        Sqs2Endpoint commands = endpoint("aws2-sqs:{{unicorn.queues.points-commands}}?autoCreateQueue=false"
                + "&deleteAfterRead=true&initialDelay=0"
                + "&visibilityTimeout={{points.commands.visibility-timeout}}&attributeNames=All&messageAttributeNames=All",
                Sqs2Endpoint.class);
        // an idle consumer costs one receive per long poll, on the client whose timeouts allow for it
        longPolling.adopt(commands);
        ProcessorDefinition<?> route = from(commands)
                .routeId("points.consume-commands")
                .onException(Exception.class)
                    .handled((Predicate) method("queueFailures", "isFinal"))
                    .useOriginalMessage()
                    .bean("queueFailures", "handle")
                .end();
        if (concurrency > 1) {
            // One consumer, so an idle instance still makes one long poll at a time, and each receive's
            // messages (up to 10) are applied side by side: the receiving thread hands each to a free
            // one of concurrency - 1 threads, or applies it itself when all are busy (no queue: a
            // message is never held unstarted while its visibility timeout runs). Each message is
            // deleted when its own exchange ends.
            route.threads(concurrency - 1, concurrency - 1).maxQueueSize(0)
                    .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).threadName("points-command");
        }
        route
                // for the logs: a purchase's command names its purchase (PurchaseIdLogging)
                .setHeader("purchaseId", method("pointsCommandMessages", "correlationOf"))
                .bean("pointsCommandMessages", "handle")
                .filter(body().isNotNull())
                    .bean("queueReplies", "reply")
                .end();
    }
}
