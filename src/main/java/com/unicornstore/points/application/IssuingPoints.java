package com.unicornstore.points.application;

import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsIssued;

/** Issues points to an account: one new lot. */
public final class IssuingPoints {

    private final AccountCommands commands;

    public IssuingPoints(AccountCommands commands) {
        this.commands = commands;
    }

    public PointsIssued issue(IssuePoints command) {
        return (PointsIssued) commands.execute(command).get(0);
    }
}
