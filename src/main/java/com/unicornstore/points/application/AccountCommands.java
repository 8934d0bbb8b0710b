package com.unicornstore.points.application;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.domain.BucketPolicy;
import com.unicornstore.points.domain.CommandContext;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsCommand;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.PointsLedger.ConcurrentAppend;
import com.unicornstore.points.domain.PointsRejections;
import com.unicornstore.points.domain.StoredEvent;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Runs a command against an account with optimistic concurrency. In the steady state the account
 * comes from this instance's cache and the command costs one conditional write. Commands for one
 * account are serialised inside this instance, so only other instances can race it: the loser
 * reloads and decides again, a bounded number of times. A refusal, or a decision to do nothing,
 * taken on a cached state is confirmed on a fresh load, since the cache may be behind. An issue or
 * redemption the account remembers as applied (a client's retry after an unknown outcome) is
 * answered with the event it produced then, read by key: same id, time and amount.
 */
public final class AccountCommands {

    private static final int LOCK_STRIPES = 256;

    private final PointsLedger ledger;
    private final Clock clock;
    private final BucketPolicy buckets;
    private final int maxAttempts;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public AccountCommands(PointsLedger ledger, Clock clock, BucketPolicy buckets, int maxAttempts) {
        this.ledger = ledger;
        this.clock = clock;
        this.buckets = buckets;
        this.maxAttempts = maxAttempts;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public List<PointsEvent> execute(PointsCommand command) {
        String accountId = command.accountId();
        synchronized (locks[Math.floorMod(accountId.hashCode(), LOCK_STRIPES)]) {
            PointsAccount account = ledger.load(accountId);
            boolean fresh = false;
            for (int attempt = 1; ; attempt++) {
                OptionalLong earlier = account.appliedCommand(command);
                if (earlier.isPresent()) {
                    return List.of(original(accountId, earlier.getAsLong()));
                }
                List<PointsEvent> events;
                try {
                    events = account.process(command, context());
                } catch (Rejection refused) {
                    if (fresh) {
                        throw refused;
                    }
                    account = ledger.reload(accountId);
                    fresh = true;
                    continue;
                }
                if (events.isEmpty() && !fresh) {
                    account = ledger.reload(accountId);
                    fresh = true;
                    continue;
                }
                if (events.isEmpty()) {
                    return events;
                }
                try {
                    ledger.append(account, events);
                    return events;
                } catch (ConcurrentAppend lost) {
                    if (attempt >= maxAttempts) {
                        throw PointsRejections.tooMuchContention(accountId);
                    }
                    account = ledger.reload(accountId);
                    fresh = true;
                }
            }
        }
    }

    /** The clock commands are decided against. */
    public Clock clock() {
        return clock;
    }

    private PointsEvent original(String accountId, long sequence) {
        return ledger.event(accountId, sequence).filter(StoredEvent::isReadable).map(stored -> stored.event().event())
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " remembers a command at "
                        + sequence + " but that event cannot be read"));
    }

    private CommandContext context() {
        return new CommandContext(clock.instant(), buckets, () -> UUID.randomUUID().toString());
    }
}
