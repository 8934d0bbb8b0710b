package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.RevokePoints;
import java.util.Optional;

/** Takes points back (compensations, refunds); empty when the account had nothing left to take. */
public final class RevokingPoints {

    private final AccountCommands commands;

    public RevokingPoints(AccountCommands commands) {
        this.commands = commands;
    }

    public Optional<PointsRevoked> revoke(RevokePoints command) {
        return commands.execute(command).stream().map(PointsRevoked.class::cast).findFirst();
    }
}
