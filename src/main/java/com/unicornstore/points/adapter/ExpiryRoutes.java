package com.unicornstore.points.adapter;

import org.apache.camel.builder.RouteBuilder;

/** Appends PointsExpired for lots past their expiry, on every instance; the accounts' versions keep it exactly-once. */
public class ExpiryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:points-expiry?period={{points.expiry.check-period}}&delay={{points.expiry.check-period}}")
                .routeId("points.expire-due")
                .bean("expiringPoints", "expireDue");
    }
}
