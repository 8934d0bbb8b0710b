package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.RevokePoints;
import java.util.Optional;

/** Takes back a correlation's points (compensations, refunds); empty when that correlation was already revoked. */
public final class RevokingPoints {

    private final AccountCommands commands;

    public RevokingPoints(AccountCommands commands) {
        this.commands = commands;
    }

    public Optional<PointsRevoked> revoke(RevokePoints command) {
        return commands.execute(command).stream().map(PointsRevoked.class::cast).findFirst();
    }
}
