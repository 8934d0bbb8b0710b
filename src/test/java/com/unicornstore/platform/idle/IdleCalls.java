package com.unicornstore.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Rounds;
import com.unicornstore.platform.aws.AwsCallCounter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Counts every AWS call an instance makes while nobody uses it ({@link CallSources}: all SDK clients
 * of the JVM), per minute and per source ("timer://saga-recovery DynamoDb.Query"), over a window that holds the slowest periodic task at
 * least twice, so a timer of minutes is counted as often as it fires. Both benchmarks measure in
 * one run; the second one to finish compares them.
 */
final class IdleCalls {

    static final Duration SETTLE = Duration.ofSeconds(12);
    static final String BEFORE = "settings before";
    static final String SHIPPED = "shipped settings";
    private static final Duration LEAST_WINDOW = Duration.ofSeconds(60);
    /** Every periodic task of an idle instance; the stream reader's lease taking runs every two failovers. */
    private static final List<String> PERIODS = List.of("unicorn.saga.recovery-interval", "unicorn.saga.census-interval",
            "unicorn.retail.pending-recovery.interval", "points.expiry.check-period",
            "unicorn.observability.queue-depth-interval", "points.rebuild.sweep-interval", "unicorn.aws.long-poll");
    private static final Map<String, Double> TOTALS = new ConcurrentHashMap<>();

    private IdleCalls() {
    }

    /**
     * Lets start-up work finish, then counts over the window and prints the calls per minute by
     * source and operation; checks that the platform's own counters saw no call the JVM-wide count missed.
     */
    static Map<String, Double> perMinute(Environment environment, AwsCallCounter counter, AwsCallCounter reader,
            String settings) {
        Duration window = window(environment);
        idleFor(SETTLE);
        Map<String, Long> countedBefore = both(counter, reader);
        CallSources.record();
        idleFor(window);
        Map<String, Long> calls = CallSources.stop();
        long platformCounted = AwsCallCounter.difference(countedBefore, both(counter, reader)).values().stream()
                .mapToLong(Long::longValue).sum();
        double minutes = window.toMillis() / 60_000.0;
        long all = calls.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder();
        Map<String, Double> rates = new TreeMap<>();
        calls.forEach((source, count) -> {
            rates.put(source, count / minutes);
            table.append(String.format("%n  %7.1f  %s", count / minutes, source));
        });
        double total = all / minutes;
        System.out.printf("Idle calls per minute, %s (window %s): %.1f%s%n", settings, window, total, table);
        assertThat(all).as("every call the platform's counters saw is in the JVM-wide count").isGreaterThanOrEqualTo(
                platformCounted - 2); // a call at either edge of the window may be in one count only
        TOTALS.put(settings, total);
        return rates;
    }

    /** The calls a minute of every source and operation. */
    static double total(Map<String, Double> rates) {
        return rates.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The calls a minute of one operation ("Sqs.ReceiveMessage"), whatever made them. */
    static double of(Map<String, Double> rates, String operation) {
        return rates.entrySet().stream().filter(rate -> rate.getKey().endsWith(" " + operation))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Once both settings were measured in this run: prints and records their ratio, at most a fifth. */
    static void compareOnceBothMeasured() {
        Double before = TOTALS.get(BEFORE);
        Double shipped = TOTALS.get(SHIPPED);
        if (before != null && shipped != null) {
            // one window a side (each is twice the slowest timer, minutes long), not alternating rounds
            BenchResults.record("idle instance", "calls per minute", new Rounds.Outcome(
                    new Rounds.Side(new double[] {shipped}), new Rounds.Side(new double[] {before})));
            assertThat(shipped).as("idle calls a minute, shipped vs before, in the same run")
                    .isLessThanOrEqualTo(before / 5);
        }
    }

    /** Twice the slowest periodic task of these settings (at least a minute); {@code -Didle.window-seconds} overrides it. */
    private static Duration window(Environment environment) {
        Long forced = Long.getLong("idle.window-seconds");
        if (forced != null) {
            return Duration.ofSeconds(forced);
        }
        Duration slowest = PERIODS.stream().map(name -> DurationStyle.detectAndParse(environment.getRequiredProperty(name)))
                .reduce(DurationStyle.detectAndParse(environment.getRequiredProperty("points.projection.stream.failover"))
                        .multipliedBy(2), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        Duration twice = slowest.multipliedBy(2);
        return twice.compareTo(LEAST_WINDOW) >= 0 ? twice : LEAST_WINDOW;
    }

    private static Map<String, Long> both(AwsCallCounter counter, AwsCallCounter reader) {
        Map<String, Long> sum = new TreeMap<>(counter.snapshot());
        reader.snapshot().forEach((operation, count) -> sum.merge(operation, count, Long::sum));
        return sum;
    }

    /** Measuring idleness means letting time pass, not waiting for a condition. */
    private static void idleFor(Duration span) {
        await().pollDelay(span).atMost(span.plusSeconds(5)).until(() -> true);
    }
}
