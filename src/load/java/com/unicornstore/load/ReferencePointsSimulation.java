package com.unicornstore.load;

import static com.unicornstore.load.Endpoints.balance;
import static com.unicornstore.load.Endpoints.issue;
import static com.unicornstore.load.Endpoints.redeem;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference points scenario (issue 15): per user a new account; its balance; ten issues of 100;
 * at once a redemption of 250 (where the reference system failed); then the balance, polled (bounded
 * by {@code load.catchUpSeconds}) until the projection shows 750. The group {@code projection catch-up}
 * times that wait; {@code target/load/reference-catch-up.txt} holds its exact figures.
 */
public class ReferencePointsSimulation extends Simulation {

    private static final Duration POLL = Duration.ofMillis(100);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadPlatform platform = LoadPlatform.start(settings, "reference");
    private final CatchUpTimes catchUp = new CatchUpTimes("projection catch-up after the redemption");
    private final AtomicLong iterations = new AtomicLong();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong();

    private final ScenarioBuilder reference = scenario("reference points")
            .exec(session -> {
                firstStart.accumulateAndGet(System.nanoTime(), Math::min);
                return session.set("account", "ref-" + UUID.randomUUID());
            })
            .exec(balance("balance of a new account").check(jmesPath("balance").ofInt().is(0)))
            .repeat(10).on(exec(issue(100)))
            .exec(redeem(250))
            .exitHereIfFailed()
            .exec(session -> session.set("redeemed_at", System.nanoTime()))
            .group("projection catch-up").on(
                    exec(balance("balance after redemption"))
                            .asLongAs(this::stillCatchingUp).on(pause(POLL).exec(balance("balance poll"))))
            .exec(session -> {
                catchUp.record(caughtUp(session), elapsed(session));
                return session;
            })
            .exec(balance("balance is 750").check(jmesPath("balance").ofInt().is(750)))
            .exec(session -> {
                if (!session.isFailed()) {
                    iterations.incrementAndGet();
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
                return session;
            });

    {
        System.out.println("reference points: " + settings.describe() + " against " + platform.baseUrl());
        setUp(Injection.of(reference, settings))
                .protocols(Endpoints.protocol(platform.baseUrl(), settings.apiKey()))
                .assertions(Injection.noFailedChecks());
    }

    private boolean stillCatchingUp(Session session) {
        return !caughtUp(session) && elapsed(session).compareTo(settings.catchUpTimeout()) < 0;
    }

    private static boolean caughtUp(Session session) {
        return session.contains("balance") && session.getInt("balance") == 750;
    }

    /** Whole iterations without a failed check, from the first one's start to the last one's end, and their rate. */
    private String iterationRate() {
        long done = iterations.get();
        double seconds = done == 0 ? 0 : (lastEnd.get() - firstStart.get()) / 1e9;
        return String.format(java.util.Locale.ROOT, "iterations: %d in %.1f s, %.2f a second (%s)", done, seconds,
                seconds == 0 ? 0 : done / seconds, settings.describe());
    }

    private static Duration elapsed(Session session) {
        return Duration.ofNanos(System.nanoTime() - session.getLong("redeemed_at"));
    }

    @Override
    public void after() {
        try {
            RunReport.write("reference-catch-up.txt", catchUp.summary() + System.lineSeparator() + iterationRate());
        } finally {
            platform.close();
        }
    }
}
