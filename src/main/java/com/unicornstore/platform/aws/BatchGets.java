package com.unicornstore.platform.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem on one table until every key is answered. Keys DynamoDB leaves unprocessed (it
 * does so when throttled) are asked again after the SDK's exponential backoff with half jitter, at
 * most {@code maxAttempts} calls in all; past them the read fails as backend-unavailable (an
 * {@link SdkClientException}), never loops on.
 */
public final class BatchGets {

    /** The default: 8 calls, 50 ms doubling up to 2 s between them (at most 5.15 s of waiting in all). */
    public static final BatchGets DEFAULT = new BatchGets(8, Duration.ofMillis(50), Duration.ofSeconds(2));

    private final int maxAttempts;
    private final BackoffStrategy backoff;

    public BatchGets(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = BackoffStrategy.exponentialDelayHalfJitter(baseDelay, maxDelay);
    }

    /** Hands every item found for {@code keys} in {@code table} to {@code found}. */
    public void each(DynamoDbClient dynamo, String table, KeysAndAttributes keys, Consumer<Map<String, AttributeValue>> found) {
        Map<String, KeysAndAttributes> pending = Map.of(table, keys);
        for (int attempt = 1; ; attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            var answer = dynamo.batchGetItem(b -> b.requestItems(request));
            answer.responses().getOrDefault(table, List.of()).forEach(found);
            pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            if (pending.isEmpty() || pending.values().stream().allMatch(left -> left.keys().isEmpty())) {
                return;
            }
            if (attempt >= maxAttempts) {
                throw SdkClientException.create("BatchGetItem on " + table + " left " + pending.get(table).keys().size()
                        + " keys unprocessed after " + maxAttempts + " attempts");
            }
            pause(backoff.computeDelay(attempt));
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while backing off a BatchGetItem", interrupted);
        }
    }
}
