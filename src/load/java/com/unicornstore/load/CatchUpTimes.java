package com.unicornstore.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a read took to show a write (the balance projection after a redemption, a shopper's
 * points after the purchases), one sample per wait, kept beside Gatling's own timings as exact
 * figures: count, percentiles, and the waits that never caught up within their bound.
 */
final class CatchUpTimes {

    private final String label;
    private final List<Long> millis = new ArrayList<>();
    private int missed;

    CatchUpTimes(String label) {
        this.label = label;
    }

    /** One wait that ended after {@code waited}: caught up, or given up at its bound. */
    synchronized void record(boolean caughtUp, Duration waited) {
        if (caughtUp) {
            millis.add(waited.toMillis());
        } else {
            missed++;
        }
    }

    /** One line: {@code count, min, p50, p95, p99, max} in ms, and how many never caught up. */
    synchronized String summary() {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return label + ": no sample; not caught up: " + missed;
        }
        return String.format("%s (ms): count=%d min=%d p50=%d p95=%d p99=%d max=%d; not caught up: %d", label,
                sorted.size(), sorted.get(0), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), missed);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
