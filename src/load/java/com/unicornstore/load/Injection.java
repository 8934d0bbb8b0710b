package com.unicornstore.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/** How a scenario's users arrive, as {@code load.model} says: a closed population or an open arrival rate. */
final class Injection {

    private Injection() {}

    /** Closed: {@code load.users} users at all times for {@code load.duration}; open: {@code load.rate} new users a second. */
    static PopulationBuilder of(ScenarioBuilder scenario, LoadSettings settings) {
        return settings.model() == LoadSettings.Model.CLOSED
                ? scenario.injectClosed(constantConcurrentUsers(settings.users()).during(settings.duration()))
                : scenario.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()));
    }

    /** What every run must hold: not one failed check (a failure fails the Maven build). */
    static Assertion noFailedChecks() {
        return global().failedRequests().count().is(0L);
    }
}
