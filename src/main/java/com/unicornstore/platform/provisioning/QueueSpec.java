package com.unicornstore.platform.provisioning;

import java.time.Duration;

/**
 * One SQS queue and the dead-letter queue its poison messages are moved to after
 * {@code maxReceiveCount} tries: how long a received message stays hidden, and how long each
 * queue keeps a message.
 */
public record QueueSpec(String name, String deadLetterQueue, int maxReceiveCount, Duration visibilityTimeout,
        Duration retention, Duration deadLetterRetention) {}
