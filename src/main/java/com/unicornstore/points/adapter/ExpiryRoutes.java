package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.IndexShards;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Appends PointsExpired for lots past their expiry, on every instance, each starting after a random
 * part of the period (so instances look apart); the accounts' versions keep it exactly-once.
 */
public class ExpiryRoutes extends RouteBuilder {

    private final Duration firstLook;

    /** {@code checkPeriod}: how often an instance looks; its first look comes after a random part of it. */
    public ExpiryRoutes(Duration checkPeriod) {
        this.firstLook = IndexShards.firstSweepWithin(checkPeriod);
    }

    @Override
    public void configure() {
        from("timer:points-expiry?period={{points.expiry.check-period}}&delay=" + firstLook.toMillis())
                .routeId("points.expire-due")
                .bean("expiringPoints", "expireDue");
    }
}
