package com.unicornstore.saga.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for compensations and completions, within a budget of
 * attempts; past it the saga is FAILED and left to operators.
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
    }

    /**
     * The longest the whole schedule waits before the saga is FAILED: every delay between the
     * {@code maxAttempts} attempts, each at the top of its jitter.
     */
    public Duration budget() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(delayAfter(attempt, () -> 1.0));
        }
        return total;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
