package com.unicornstore.points.application;

import com.unicornstore.points.domain.ExpirePoints;
import com.unicornstore.points.domain.ExpiryCandidates;
import java.time.Clock;

/**
 * Records the expiry of lots past their date. Candidates come from the read model; the account
 * itself decides, so two instances running this at once append at most one expiry per lot.
 */
public final class ExpiringPoints {

    private final ExpiryCandidates candidates;
    private final AccountCommands commands;
    private final Clock clock;

    public ExpiringPoints(ExpiryCandidates candidates, AccountCommands commands, Clock clock) {
        this.candidates = candidates;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * One account that fails does not hold up the others; the failures are reported together at
     * the end, so the job's route sees them.
     *
     * @return how many expiry events were appended
     */
    public int expireDue() {
        int appended = 0;
        IllegalStateException failures = null;
        for (String accountId : candidates.dueAt(clock.instant())) {
            try {
                appended += commands.execute(new ExpirePoints(accountId)).size();
            } catch (RuntimeException failed) {
                failures = failures != null ? failures : new IllegalStateException("expiry failed for some accounts");
                failures.addSuppressed(failed);
            }
        }
        if (failures != null) {
            throw failures;
        }
        return appended;
    }
}
