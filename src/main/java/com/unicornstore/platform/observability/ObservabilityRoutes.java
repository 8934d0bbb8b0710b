package com.unicornstore.platform.observability;

import org.apache.camel.builder.RouteBuilder;

/** Periodic measurements that feed gauges, so that a metrics scrape never waits for a backend. */
public class ObservabilityRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:queue-depths?delay=2000&period={{unicorn.observability.queue-depth-interval}}")
                .routeId("platform.measure-queue-depths")
                .bean(QueueDepths.class, "measure");
    }
}
