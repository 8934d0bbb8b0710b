package com.unicornstore.platform.aws;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.aws2.sqs.Sqs2Consumer;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client of queue consumers: a receive waits up to {@code unicorn.aws.long-poll} for a
 * message, so its socket and attempt timeouts are that much longer than every other call's. Not an
 * {@link SqsClient} bean, so Camel's autowiring keeps giving the short-timeout client to senders;
 * consumers take it with {@link #adopt}.
 */
public final class SqsLongPolling implements AutoCloseable {

    /** The most SQS gives in one receive. */
    static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** How often {@link #abortPolls(CamelContext, Duration)} looks whether the receives have ended. */
    private static final long POLL_CHECK_NANOS = 5_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqsLongPolling.class);

    private final SqsClient client;
    private final SdkHttpClient http;
    private final Duration wait;
    /** Set once {@link #abortPolls()} closed the connections: the receives failing then are expected. */
    private volatile boolean aborted;

    SqsLongPolling(SqsClient client, SdkHttpClient http, Duration wait) {
        this.client = client;
        this.http = http;
        this.wait = wait;
    }

    public SqsClient client() {
        return client;
    }

    /**
     * As {@link #adopt(Sqs2Endpoint)}, and the consumer already made on the endpoint but not started
     * yet takes the batch settings too (a consumer copies them from its endpoint when it is made).
     */
    public void adopt(Sqs2Endpoint endpoint, Consumer consumer) {
        adopt(endpoint);
        if (consumer instanceof ScheduledBatchPollingConsumer polling) {
            polling.setMaxMessagesPerPoll(endpoint.getMaxMessagesPerPoll());
            polling.setGreedy(endpoint.isGreedy());
        }
        if (consumer instanceof DefaultConsumer made) {
            made.setExceptionHandler(endpoint.getExceptionHandler());
        }
    }

    /**
     * Makes a queue consumer's endpoint long-poll with this client. The endpoint took the autowired
     * client when it was created, so both its configuration's and its own are replaced; a consumer
     * reads them when it starts.
     */
    public void adopt(Sqs2Endpoint endpoint) {
        endpoint.getConfiguration().setAmazonSQSClient(client);
        endpoint.setClient(client);
        endpoint.getConfiguration().setWaitTimeSeconds(waitSeconds());
        // a busy queue is drained in receives of up to 10, each followed at once by the next; without
        // these a consumer took 1 message a receive and paused 500 ms between receives (2 a second:
        // the load test's shoppers waited minutes for their points). An empty long poll still ends a run.
        endpoint.setMaxMessagesPerPoll(MAX_MESSAGES_PER_RECEIVE);
        endpoint.setGreedy(true);
        endpoint.setExceptionHandler(new AbortedReceivesQuiet(
                new LoggingExceptionHandler(endpoint.getCamelContext(), Sqs2Consumer.class)));
    }

    /**
     * A consumer's errors as Camel logs them (WARN with the stack trace), except the failed receives
     * that {@link #abortPolls()} causes on purpose as the platform stops: one line at DEBUG each,
     * not a stack trace per queue on every deployment ({@link AbortedReceiveLog} drops the ERROR line
     * Camel logs for them first). A failed exchange is always logged as before.
     */
    public final class AbortedReceivesQuiet implements ExceptionHandler {
        private final ExceptionHandler delegate;

        AbortedReceivesQuiet(ExceptionHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            if (aborted && exchange == null) {
                LOG.debug("A receive ended by the stop: {}", exception.toString());
            } else {
                delegate.handleException(message, exchange, exception);
            }
        }
    }

    /** The receive wait in whole seconds, as SQS takes it (1-20). */
    public int waitSeconds() {
        return (int) wait.toSeconds();
    }

    /**
     * Cuts the receives in flight short by closing the connections under them, so that stopping
     * the consumers (SIGTERM, a test's context) does not wait for a long poll to end.
     */
    public void abortPolls() {
        aborted = true;
        AbortedReceiveLog.FILTER.stopping(this);
        http.close();
    }

    /**
     * {@link #abortPolls()}, then waits (at most {@code bound}) until no queue consumer of
     * {@code camel} is in a receive any more. A consumer reports one exchange pending while it is in
     * a receive, and Camel's graceful stop that sees one checks again only a second later: without
     * this wait every stop of the platform took a second longer than its work.
     */
    public void abortPolls(CamelContext camel, Duration bound) {
        abortPolls();
        long deadline = System.nanoTime() + bound.toNanos();
        while (receiving(camel) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_CHECK_NANOS);
        }
    }

    /** Whether a queue consumer of {@code camel} is in a receive now. */
    static boolean receiving(CamelContext camel) {
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof Sqs2Endpoint && route.getConsumer() instanceof ScheduledPollConsumer consumer
                    && consumer.isPolling()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
        http.close();
        AbortedReceiveLog.FILTER.stopped(this);
    }
}
