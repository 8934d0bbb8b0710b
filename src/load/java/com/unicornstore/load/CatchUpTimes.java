package com.unicornstore.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the balance projection took to show a write, one sample per virtual user, kept beside
 * Gatling's own group timing as a histogram of exact figures: count, percentiles, and the users
 * whose balance never caught up within the bound.
 */
final class CatchUpTimes {

    private final List<Long> millis = new ArrayList<>();
    private int missed;

    synchronized void caughtUp(long elapsedMillis) {
        millis.add(elapsedMillis);
    }

    synchronized void missed() {
        missed++;
    }

    /** One line: {@code count, min, p50, p95, p99, max} in ms, and how many never caught up. */
    synchronized String summary() {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return "projection catch-up: no sample; not caught up: " + missed;
        }
        return String.format("projection catch-up (ms): count=%d min=%d p50=%d p95=%d p99=%d max=%d; not caught up: %d",
                sorted.size(), sorted.get(0), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), missed);
    }

    /** Logs the summary and writes it to {@code file}. */
    void report(Path file) {
        String summary = summary();
        System.out.println(summary);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
