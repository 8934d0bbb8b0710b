package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Durable saga service settings: lease length, recovery cadence, how long finished sagas are kept, the retry budget. */
@ConfigurationProperties("unicorn.saga")
public record SagaProperties(
        @DefaultValue("15s") Duration lease,
        @DefaultValue("14s") Duration recoveryInterval,
        @DefaultValue("P30D") Duration retention,
        @DefaultValue Retry retry) {

    /** The backoff schedule these settings describe. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retry.initialDelay(), retry.multiplier(), retry.maxDelay(), retry.jitter(),
                retry.maxAttempts());
    }

    /** Backoff of compensations and completions. */
    public record Retry(
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxDelay,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("20") int maxAttempts) {}
}
