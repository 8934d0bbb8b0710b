package com.unicornstore.platform.windows.domain;

import static com.unicornstore.platform.windows.domain.Setting.AWS_CALL_BOUND;
import static com.unicornstore.platform.windows.domain.Setting.BUCKET_GRANULARITY;
import static com.unicornstore.platform.windows.domain.Setting.DLQ_RETENTION;
import static com.unicornstore.platform.windows.domain.Setting.EXPIRY_TTL;
import static com.unicornstore.platform.windows.domain.Setting.IDEMPOTENCY_LEASE;
import static com.unicornstore.platform.windows.domain.Setting.IDEMPOTENCY_RETENTION;
import static com.unicornstore.platform.windows.domain.Setting.MAX_RECEIVES;
import static com.unicornstore.platform.windows.domain.Setting.QUEUE_DEDUP_RETENTION;
import static com.unicornstore.platform.windows.domain.Setting.QUEUE_RETENTION;
import static com.unicornstore.platform.windows.domain.Setting.REFUND_WINDOW;
import static com.unicornstore.platform.windows.domain.Setting.RELEASE_MARKERS;
import static com.unicornstore.platform.windows.domain.Setting.REVOCATION_RETENTION;
import static com.unicornstore.platform.windows.domain.Setting.SAGA_LEASE;
import static com.unicornstore.platform.windows.domain.Setting.SAGA_RECOVERY_INTERVAL;
import static com.unicornstore.platform.windows.domain.Setting.SAGA_RETRY;
import static com.unicornstore.platform.windows.domain.Setting.VISIBILITY_TIMEOUT;

import java.time.Duration;
import java.util.List;

/** The invariants between the platform's time windows; the app refuses to start when one breaks. */
public final class WindowRules {

    /** Every rule, in the order the README lists them. */
    public static final List<WindowRule> ALL = List.of(
            new WindowRule("windows-are-positive", List.of(Setting.values()),
                    "a window of zero or less forgets at once or never lets anything happen",
                    w -> w.all().stream().allMatch(d -> d.compareTo(Duration.ZERO) > 0) && w.maxReceives() >= 1,
                    w -> "a window <= 0 or max-receives " + w.maxReceives()),
            new WindowRule("release-markers-outlive-saga-retries", List.of(RELEASE_MARKERS, SAGA_LEASE, SAGA_RETRY,
                    AWS_CALL_BOUND),
                    "a reserve or debit retried at the very end of its saga's retries must still find the marker "
                            + "of its given-back purchase, and be refused",
                    w -> longer(w.releaseMarkers(), w.sagaSpan()),
                    w -> "markers " + iso(w.releaseMarkers()) + " <= saga span " + iso(w.sagaSpan())),
            new WindowRule("revocation-records-outlive-redelivery", List.of(REVOCATION_RETENTION, REFUND_WINDOW,
                    SAGA_LEASE, SAGA_RETRY, QUEUE_RETENTION, DLQ_RETENTION),
                    "a RevokePoints sent at the end of the refund window and its saga's retries, kept by the queue "
                            + "and redriven from its dead-letter queue at the end of their retention, must still be "
                            + "recognised as revoked",
                    w -> !w.revocationRetention().minus(w.latestRevocation()).isNegative(),
                    w -> "retention " + iso(w.revocationRetention()) + " < latest revocation "
                            + iso(w.latestRevocation())),
            new WindowRule("idempotency-outlives-saga-retries", List.of(IDEMPOTENCY_RETENTION, SAGA_LEASE, SAGA_RETRY,
                    AWS_CALL_BOUND),
                    "a points command sent again by a saga step retried at the end of its retries must still be "
                            + "deduplicated",
                    w -> longer(w.idempotencyRetention(), w.sagaSpan()),
                    w -> "retention " + iso(w.idempotencyRetention()) + " <= saga span " + iso(w.sagaSpan())),
            new WindowRule("idempotency-outlives-queue-redelivery", List.of(IDEMPOTENCY_RETENTION, VISIBILITY_TIMEOUT,
                    MAX_RECEIVES),
                    "a points command the queue delivers again, up to its last receive, must still be deduplicated",
                    w -> longer(w.idempotencyRetention(), w.redeliverySpan()),
                    w -> "retention " + iso(w.idempotencyRetention()) + " <= redelivery span "
                            + iso(w.redeliverySpan())),
            new WindowRule("queue-dedup-outlives-queue-and-dlq", List.of(QUEUE_DEDUP_RETENTION, QUEUE_RETENTION,
                    DLQ_RETENTION),
                    "a queued command (or channel message) kept by its queue, then by its dead-letter queue until an "
                            + "operator redrives it, must still be recognised by its id",
                    w -> longer(w.queueDedupRetention(), w.queueRetention().plus(w.dlqRetention())),
                    w -> "dedup retention " + iso(w.queueDedupRetention()) + " <= queue + DLQ retention "
                            + iso(w.queueRetention().plus(w.dlqRetention()))),
            new WindowRule("visibility-outlasts-a-command", List.of(VISIBILITY_TIMEOUT, AWS_CALL_BOUND),
                    "a command must not be handed to a second consumer while the first still handles it "
                            + "(" + TimeWindows.CALLS_PER_COMMAND + " backend calls)",
                    w -> longer(w.visibilityTimeout(), w.commandTime()),
                    w -> "visibility " + iso(w.visibilityTimeout()) + " <= command time " + iso(w.commandTime())),
            new WindowRule("idempotency-lease-outlasts-a-command", List.of(IDEMPOTENCY_LEASE, AWS_CALL_BOUND),
                    "a claim must not be taken over while its command is still being handled",
                    w -> longer(w.idempotencyLease(), w.commandTime()),
                    w -> "lease " + iso(w.idempotencyLease()) + " <= command time " + iso(w.commandTime())),
            new WindowRule("dead-consumer-claim-lapses-before-dlq", List.of(IDEMPOTENCY_LEASE, VISIBILITY_TIMEOUT,
                    MAX_RECEIVES),
                    "the claim of a consumer that died must lapse while the queue still redelivers its command, "
                            + "or the command ends in the dead-letter queue unhandled",
                    w -> w.idempotencyLease().compareTo(w.visibilityTimeout().multipliedBy(w.maxReceives() - 1L)) < 0,
                    w -> "lease " + iso(w.idempotencyLease()) + " >= visibility x (max-receives - 1) "
                            + iso(w.visibilityTimeout().multipliedBy(w.maxReceives() - 1L))),
            new WindowRule("recovery-runs-within-a-lease", List.of(SAGA_RECOVERY_INTERVAL, SAGA_LEASE),
                    "a saga whose owner died must be taken over soon after its lease: an instance sweeps one "
                            + "shard of the saga index a round, every shard within 8 rounds",
                    w -> w.sagaRecoveryInterval().compareTo(w.sagaLease()) < 0,
                    w -> "recovery every " + iso(w.sagaRecoveryInterval()) + " >= lease " + iso(w.sagaLease())),
            new WindowRule("buckets-divide-the-expiry-ttl", List.of(BUCKET_GRANULARITY, EXPIRY_TTL),
                    "a bucket must expire as one: its granularity must not exceed the ttl and must divide it, so "
                            + "a bucket's points never expire more than one granularity early or late and an account "
                            + "holds at most ttl / granularity + 1 buckets",
                    w -> w.bucketGranularity().compareTo(w.expiryTtl()) <= 0
                            && w.expiryTtl().toMillis() % w.bucketGranularity().toMillis() == 0,
                    w -> "granularity " + iso(w.bucketGranularity()) + ", ttl " + iso(w.expiryTtl())));

    private WindowRules() {}

    /** The breaches of every rule these windows break, in rule order; empty when all hold. */
    public static List<String> breaches(TimeWindows windows) {
        if (!ALL.get(0).holds().test(windows)) {
            return List.of(ALL.get(0).breach(windows)); // the other rules compare windows that must be positive
        }
        return ALL.stream().filter(rule -> !rule.holds().test(windows)).map(rule -> rule.breach(windows)).toList();
    }

    /** @throws TimeWindowsBroken naming every rule broken, its settings and its reason */
    public static void check(TimeWindows windows) {
        List<String> breaches = breaches(windows);
        if (!breaches.isEmpty()) {
            throw new TimeWindowsBroken(breaches);
        }
    }

    /** ISO-8601 with days, as the settings are written: P44DT11M6.5S rather than PT1056H11M6.5S. */
    static String iso(Duration duration) {
        long days = duration.toDays();
        if (days == 0) {
            return duration.toString();
        }
        Duration rest = duration.minusDays(days);
        return "P" + days + "D" + (rest.isZero() ? "" : "T" + rest.toString().substring(2));
    }

    private static boolean longer(Duration a, Duration b) {
        return a.compareTo(b) > 0;
    }
}
