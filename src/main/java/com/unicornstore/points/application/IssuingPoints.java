package com.unicornstore.points.application;

import com.unicornstore.platform.domain.Rejection;
import java.util.Optional;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsIssued;

/** Issues points to an account: one new lot. */
public final class IssuingPoints {

    private final AccountCommands commands;

    public IssuingPoints(AccountCommands commands) {
        this.commands = commands;
    }

    /** The new lot's event; empty when the correlation's points were already issued, or revoked (its purchase undone). */
    public Optional<PointsIssued> issue(IssuePoints command) {
        return commands.execute(command).stream().map(PointsIssued.class::cast).findFirst();
    }

    /** For callers that must get a new lot or a refusal: 409 when the correlation's points were issued or revoked. */
    public PointsIssued issueOrRefuse(IssuePoints command) {
        return issue(command).orElseThrow(() -> new Rejection(Rejection.Kind.CONFLICT, "points-already-settled",
                "Points for '" + command.correlationId() + "' were already issued or revoked."));
    }
}
