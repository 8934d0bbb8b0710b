package com.unicornstore.platform.idle;

import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsCallCounter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Counts the AWS calls an instance makes while nobody uses it, per minute. */
final class IdleCalls {

    static final Duration SETTLE = Duration.ofSeconds(12);
    static final Duration WINDOW = Duration.ofSeconds(Long.getLong("idle.window-seconds", 30));

    private IdleCalls() {
    }

    /**
     * Lets start-up work finish, then counts over {@link #WINDOW}, scaled to a minute, and prints the
     * counts: the requests' counter and the events-stream reader's, added up per operation.
     */
    static Map<String, Long> perMinute(AwsCallCounter counter, AwsCallCounter reader, String settings) {
        idleFor(SETTLE);
        Map<String, Long> before = both(counter, reader);
        idleFor(WINDOW);
        Map<String, Long> calls = AwsCallCounter.difference(before, both(counter, reader));
        calls.replaceAll((operation, count) -> Math.round(count * 60.0 / WINDOW.toSeconds()));
        System.out.println("Idle calls per minute, " + settings + ": " + total(calls) + " " + calls);
        return calls;
    }

    private static Map<String, Long> both(AwsCallCounter counter, AwsCallCounter reader) {
        Map<String, Long> sum = new TreeMap<>(counter.snapshot());
        reader.snapshot().forEach((operation, count) -> sum.merge(operation, count, Long::sum));
        return sum;
    }

    static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Measuring idleness means letting time pass, not waiting for a condition. */
    private static void idleFor(Duration span) {
        await().pollDelay(span).atMost(span.plusSeconds(5)).until(() -> true);
    }
}
