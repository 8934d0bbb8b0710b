package com.unicornstore.points.domain;

/** Something asked of a points account; the account decides what events, if any, it leads to. */
public sealed interface PointsCommand permits IssuePoints, RedeemPoints, RevokePoints, ExpirePoints {

    String accountId();
}
