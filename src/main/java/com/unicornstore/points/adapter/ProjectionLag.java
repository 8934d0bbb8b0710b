package com.unicornstore.points.adapter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How long an event takes from the moment the ledger decided it to the moment the balance view
 * holding it is stored: the histogram {@value #HISTOGRAM} (one sample per event) and the gauge
 * {@value #GAUGE}, the lag of the newest batch stored, which the projection-lag alarm watches.
 */
public final class ProjectionLag {

    /** Timer with a percentile histogram: event time to stored in the view. */
    public static final String HISTOGRAM = "unicorn.projection.lag.distribution";
    /** Gauge: the largest lag of the last batch stored, in seconds. */
    public static final String GAUGE = "unicorn.projection.lag.seconds";

    /** A bound on the samples one batch keeps (a stream batch is far smaller). */
    private static final int MAX_PENDING = 10_000;

    private final Clock clock;
    private final Timer timer;
    private final AtomicReference<Double> lastSeconds = new AtomicReference<>(0.0);
    private final List<Instant> pending = new ArrayList<>();

    public ProjectionLag(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.timer = Timer.builder(HISTOGRAM).description("Event time to the time it is in the balance view")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(30)).register(registry);
        Gauge.builder(GAUGE, lastSeconds, AtomicReference::get).baseUnit("seconds")
                .description("Largest projection lag of the last batch of events stored in the view")
                .register(registry);
    }

    /** An event applied to its view in memory (stored at the next {@link #stored}). */
    public synchronized void projected(Instant occurredAt) {
        if (occurredAt != null && pending.size() < MAX_PENDING) {
            pending.add(occurredAt);
        }
    }

    /** The views were written: every event applied since the last call is now readable. */
    public synchronized void stored() {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration largest = Duration.ZERO;
        for (Instant occurred : pending) {
            Duration lag = Duration.between(occurred, now);
            if (lag.isNegative()) {
                lag = Duration.ZERO; // another instance's clock ahead of ours
            }
            timer.record(lag);
            largest = lag.compareTo(largest) > 0 ? lag : largest;
        }
        pending.clear();
        lastSeconds.set(largest.toMillis() / 1000.0);
    }
}
