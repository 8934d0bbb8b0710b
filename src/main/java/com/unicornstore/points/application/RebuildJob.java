package com.unicornstore.points.application;

import com.unicornstore.points.application.RebuildingProjection.Difference;
import com.unicornstore.points.application.RebuildingProjection.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rebuild of the balance projection run in the background: where it stands, and what it found so
 * far. Accounts are replayed in their sorted order; {@code cursor} is the last one done, so whoever
 * runs the job next (after a crash, another instance) goes on after it. The report keeps at most
 * {@link #MAX_DIFFERENCES} differences, and counts them all.
 *
 * @param accountId the one account to rebuild, or null for every account
 * @param cursor the last account done, or null before the first
 */
public record RebuildJob(String id, State state, String accountId, boolean repair, String startedBy, Instant startedAt,
        Instant updatedAt, Instant finishedAt, String cursor, int accountsDone, int accountsTotal, long eventsReplayed,
        List<Difference> differences, int differencesTotal, String error) {

    /** Differences kept in the report: the job's record stays far below DynamoDB's item limit. */
    public static final int MAX_DIFFERENCES = 100;

    /** How a job stands. */
    public enum State { RUNNING, DONE, FAILED }

    public RebuildJob {
        differences = List.copyOf(differences);
    }

    public static RebuildJob started(String id, String accountId, boolean repair, String startedBy, Instant now) {
        return new RebuildJob(id, State.RUNNING, accountId, repair, startedBy, now, now, null, null, 0, 0, 0,
                List.of(), 0, null);
    }

    /** The job after the accounts up to {@code cursor} (of {@code total}) were replayed into {@code part}. */
    public RebuildJob advanced(String cursor, int total, Report part, Instant now) {
        List<Difference> kept = new ArrayList<>(differences);
        part.differences().stream().limit(Math.max(0, MAX_DIFFERENCES - kept.size())).forEach(kept::add);
        return new RebuildJob(id, state, accountId, repair, startedBy, startedAt, now, finishedAt, cursor,
                accountsDone + part.accounts(), total, eventsReplayed + part.eventsReplayed(), kept,
                differencesTotal + part.differences().size(), error);
    }

    public RebuildJob done(Instant now) {
        return ended(State.DONE, null, now);
    }

    public RebuildJob failed(String reason, Instant now) {
        return ended(State.FAILED, reason, now);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    private RebuildJob ended(State end, String reason, Instant now) {
        return new RebuildJob(id, end, accountId, repair, startedBy, startedAt, now, now, cursor, accountsDone,
                accountsTotal, eventsReplayed, differences, differencesTotal, reason);
    }
}
