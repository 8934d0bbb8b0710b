package com.unicornstore.platform.aws;

import java.time.Duration;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
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

    private final SqsClient client;
    private final SdkHttpClient http;
    private final Duration wait;

    SqsLongPolling(SqsClient client, SdkHttpClient http, Duration wait) {
        this.client = client;
        this.http = http;
        this.wait = wait;
    }

    public SqsClient client() {
        return client;
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
        http.close();
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }
}
