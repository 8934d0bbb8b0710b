package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * Recovery of purchases whose saga never began: every instance looks periodically, each starting
 * at a random offset ({@code unicorn.retail.pending-recovery.start-delay}) so instances do not query at once.
 */
public class PendingPurchaseRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:retail-recover-pending?delay={{unicorn.retail.pending-recovery.start-delay}}"
                + "&period={{unicorn.retail.pending-recovery.interval}}").routeId("retail.recover-pending")
                .bean("recoveringPendingPurchases", "recover");
    }
}
