package com.unicornstore.platform.windows.domain;

/** A setting a time window is read from, named as in application.yml, so a refusal names what to change. */
public enum Setting {
    IDEMPOTENCY_RETENTION("unicorn.idempotency.retention"),
    IDEMPOTENCY_LEASE("unicorn.idempotency.lease"),
    RELEASE_MARKERS("unicorn.retail.keep-release-markers"),
    REFUND_WINDOW("unicorn.retail.refund-window"),
    REVOCATION_RETENTION("points.revocations.retention"),
    SAGA_LEASE("unicorn.saga.lease"),
    SAGA_RECOVERY_INTERVAL("unicorn.saga.recovery-interval"),
    SAGA_RETRY("unicorn.saga.retry"),
    EXPIRY_TTL("points.expiry.ttl"),
    BUCKET_GRANULARITY("points.buckets.granularity"),
    VISIBILITY_TIMEOUT("points.commands.visibility-timeout"),
    QUEUE_RETENTION("unicorn.queues.retention"),
    DLQ_RETENTION("unicorn.queues.dlq-retention"),
    MAX_RECEIVES("unicorn.queues.max-receives"),
    QUEUE_DEDUP_RETENTION("unicorn.queues.dedup-retention"),
    AWS_CALL_BOUND("unicorn.aws.call-timeout");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** The property name ({@code SAGA_RETRY} stands for every {@code unicorn.saga.retry.*}). */
    public String key() {
        return key;
    }
}
