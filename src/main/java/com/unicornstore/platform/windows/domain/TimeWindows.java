package com.unicornstore.platform.windows.domain;

import java.time.Duration;
import java.util.List;

/**
 * Every time window the platform keeps, as configured, and what follows from them. The
 * invariants between them are {@link WindowRules}; a configuration that breaks one is refused.
 *
 * @param sagaRetryBudget the longest backoff schedule of a saga step (every delay at the top of its jitter)
 * @param callBound the longest one backend call can take, SDK retries included
 */
public record TimeWindows(
        Duration idempotencyRetention,
        Duration idempotencyLease,
        Duration releaseMarkers,
        Duration refundWindow,
        Duration revocationRetention,
        Duration sagaLease,
        Duration sagaRecoveryInterval,
        Duration sagaRetryBudget,
        int sagaMaxAttempts,
        Duration expiryTtl,
        Duration bucketGranularity,
        Duration visibilityTimeout,
        Duration queueRetention,
        Duration dlqRetention,
        int maxReceives,
        Duration callBound,
        Duration queueDedupRetention) {

    /** A points command is a claim of its key, an append to the ledger and the record of its outcome. */
    static final int CALLS_PER_COMMAND = 3;

    /**
     * The longest a saga step can still be retried after it began: a lease for another instance to
     * take the saga over, then the whole backoff schedule, each attempt waiting on a backend call.
     */
    public Duration sagaSpan() {
        return sagaLease.plus(sagaRetryBudget).plus(callBound.multipliedBy(sagaMaxAttempts));
    }

    /** The longest one points command takes to handle. */
    public Duration commandTime() {
        return callBound.multipliedBy(CALLS_PER_COMMAND);
    }

    /** The longest a command stays on the points-commands queue before SQS moves it to the dead-letter queue. */
    public Duration redeliverySpan() {
        return visibilityTimeout.multipliedBy(maxReceives);
    }

    /**
     * The latest a RevokePoints can still arrive for a purchase: sent at the end of the refund window
     * (or of a compensation's retries), kept by the queue, then by its dead-letter queue until redriven.
     */
    public Duration latestRevocation() {
        Duration latestSend = refundWindow.plus(sagaSpan());
        return latestSend.plus(queueRetention).plus(dlqRetention);
    }

    /**
     * Buckets one account holds at most: one per granularity period within the expiry TTL, plus the
     * one the oldest period straddles.
     */
    public long maxBucketsPerAccount() {
        long periods = ceilDiv(expiryTtl.toMillis(), bucketGranularity.toMillis());
        return periods + 1;
    }

    /** The windows that must be positive for any other rule to mean something. */
    List<Duration> all() {
        return List.of(idempotencyRetention, idempotencyLease, releaseMarkers, refundWindow, revocationRetention,
                sagaLease, sagaRecoveryInterval, expiryTtl, bucketGranularity, visibilityTimeout,
                queueRetention, dlqRetention, callBound, queueDedupRetention);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
