package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.RedeemPoints;

/** Spends points, oldest unexpired lots first; refused with insufficient-points when the balance is short. */
public final class RedeemingPoints {

    private final AccountCommands commands;

    public RedeemingPoints(AccountCommands commands) {
        this.commands = commands;
    }

    public PointsRedeemed redeem(RedeemPoints command) {
        return commands.execute(command).stream().filter(PointsRedeemed.class::isInstance).map(PointsRedeemed.class::cast)
                .findFirst().orElseThrow();
    }
}
