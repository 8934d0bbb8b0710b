package com.unicornstore.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The benchmarks' one harness: a warm-up of each side, then rounds alternating A-B-A-B, so that
 * whatever drifts during a run (a growing table, the JIT, background work, other processes on a
 * shared machine) weighs on both sides alike. Each round yields one figure per side.
 */
public final class Rounds {

    /** The least number of measured rounds per side a row may report. */
    public static final int AT_LEAST = 5;

    /**
     * Requests of one kind that get its path compiled before a measured round, as in a long-running
     * instance: HotSpot compiles a method with C2 after some 5,000-15,000 calls (Tier4 thresholds),
     * and C2's compiles count as the application's CPU. With a warm-up of one short round, the
     * platform's issue path still ran partly as profiled C1 code during the rounds (10 ms of CPU an
     * issue in the first round, 3 in the fifth).
     */
    public static final int JIT_WARM_UP = 12_000;

    private Rounds() {}

    /** The figures of one side's rounds, in the order measured. */
    public record Side(double[] rounds) {
        public double median() {
            return percentile(0.5);
        }

        public double min() {
            return Arrays.stream(rounds).min().orElse(0);
        }

        public double max() {
            return Arrays.stream(rounds).max().orElse(0);
        }

        /** Linear interpolation between the sorted rounds. */
        public double percentile(double p) {
            double[] sorted = rounds.clone();
            Arrays.sort(sorted);
            double at = p * (sorted.length - 1);
            int low = (int) Math.floor(at);
            int high = Math.min(sorted.length - 1, low + 1);
            return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
        }
    }

    /** Both sides of a comparison: the measured value (A) and its baseline (B), round by round. */
    public record Outcome(Side value, Side baseline) {
        public int rounds() {
            return Math.min(value.rounds().length, baseline.rounds().length);
        }

        /** The ratio of the medians, value / baseline. */
        public double ratio() {
            return baseline.median() == 0 ? 0 : value.median() / baseline.median();
        }
    }

    /**
     * One warm-up round of each side (discarded), then {@code rounds} rounds of each, alternating
     * value, baseline, value, baseline, ...
     */
    public static Outcome alternate(int rounds, DoubleSupplier value, DoubleSupplier baseline) {
        if (rounds < AT_LEAST) {
            throw new IllegalArgumentException("at least " + AT_LEAST + " rounds a side, not " + rounds);
        }
        value.getAsDouble();
        baseline.getAsDouble();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            a.add(value.getAsDouble());
            b.add(baseline.getAsDouble());
        }
        return new Outcome(side(a), side(b));
    }

    /**
     * A second figure a side's rounds collected along the way (its warm-up round first, as
     * {@link #alternate} ran it): the measured rounds, without the warm-up.
     */
    public static Side collected(List<Double> withWarmUp) {
        return side(withWarmUp.subList(1, withWarmUp.size()));
    }

    private static Side side(List<Double> figures) {
        return new Side(figures.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The median of a round's samples (latencies in nanoseconds, say). */
    public static double median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
