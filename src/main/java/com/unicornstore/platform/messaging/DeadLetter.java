package com.unicornstore.platform.messaging;

import java.time.Instant;

/**
 * A message parked in a dead-letter queue, as recorded when it was parked (SQS cannot be browsed):
 * the queue it came from, its SQS message id, body, why it was parked, how often it had been
 * received and when it was first parked.
 */
public record DeadLetter(String queue, String id, String body, String reason, int receiveCount, Instant firstSeen) {}
