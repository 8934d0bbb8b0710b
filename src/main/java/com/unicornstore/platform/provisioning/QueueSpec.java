package com.unicornstore.platform.provisioning;

/** One SQS queue and the dead-letter queue its poison messages are moved to after {@code maxReceiveCount} tries. */
public record QueueSpec(String name, String deadLetterQueue, int maxReceiveCount) {}
