package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts purchases by how they ended, as {@value #METER}: tag {@code outcome} (COMPLETED, REJECTED,
 * COMPENSATED) and {@code reason} (the rejection's problem code, or {@code none}): both bounded sets.
 */
public final class PurchaseOutcomes {

    /** Counter of purchases by outcome. */
    public static final String METER = "unicorn.purchases";

    private final MeterRegistry registry;

    public PurchaseOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    void completed() {
        count("COMPLETED", "none");
    }

    /** A saga that failed: refused by a rule (REJECTED, nothing changed) or by a technical failure (COMPENSATED). */
    void failed(Throwable failure) {
        Rejection rejection = Rejection.foundIn(failure);
        if (rejection != null) {
            count("REJECTED", rejection.code());
        } else {
            count("COMPENSATED", "technical-failure");
        }
    }

    private void count(String outcome, String reason) {
        Counter.builder(METER).tag("outcome", outcome).tag("reason", reason)
                .description("Purchases by how they ended").register(registry).increment();
    }
}
