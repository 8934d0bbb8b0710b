package com.unicornstore.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert;

/** Given these events, when this command at this instant, then these events (or this refusal). */
final class AccountScenario {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration LIFETIME = Duration.ofDays(365);
    static final BucketPolicy BUCKETS = new BucketPolicy(LIFETIME, Duration.ofDays(1));
    static final String ACCOUNT = "alice";

    private final PointsAccount account = PointsAccount.empty(ACCOUNT);
    private final AtomicInteger ids = new AtomicInteger();
    private int version;

    static AccountScenario given(PointsEvent... history) {
        AccountScenario scenario = new AccountScenario();
        for (PointsEvent event : history) {
            scenario.account.apply(event);
            scenario.version++;
        }
        return scenario;
    }

    static PointsIssued issued(String lot, long amount, Instant at) {
        return new PointsIssued(lot, ACCOUNT, amount, at, "c-" + lot, at.plus(LIFETIME));
    }

    /** Decides the command and checks that deciding changed nothing. */
    List<PointsEvent> when(PointsCommand command, Instant at) {
        List<PointsEvent> events = account.process(command, context(at));
        assertThat(account.version()).isEqualTo(version);
        return events;
    }

    ThrowableAssert.ThrowingCallable whenRefused(PointsCommand command, Instant at) {
        return () -> account.process(command, context(at));
    }

    /** Records events the account decided, as the ledger would after appending them. */
    void record(List<PointsEvent> events) {
        for (PointsEvent event : events) {
            account.apply(event);
            version++;
        }
    }

    PointsAccount account() {
        return account;
    }

    private CommandContext context(Instant at) {
        return new CommandContext(at, BUCKETS, () -> "e" + ids.incrementAndGet());
    }
}
