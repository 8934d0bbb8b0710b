package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;

/** Something asked of a points account; the account decides what events, if any, it leads to. */
public sealed interface PointsCommand permits IssuePoints, RedeemPoints, RevokePoints, ExpirePoints {

    String accountId();

    /** Who asks; the events the command leads to carry it. */
    default Origin origin() {
        return Origin.SYSTEM;
    }
}
