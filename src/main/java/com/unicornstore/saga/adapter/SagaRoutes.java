package com.unicornstore.saga.adapter;

import com.unicornstore.platform.aws.IndexShards;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/** Operators' view and repair of the saga log, and the recovery of sagas whose instance died. */
public class SagaRoutes extends RouteBuilder {

    private final Duration firstSweep;

    /** {@code recoveryInterval}: the sweep's period; the first sweep comes after a random part of it. */
    public SagaRoutes(Duration recoveryInterval) {
        this.firstSweep = IndexShards.firstSweepWithin(recoveryInterval);
    }

    @Override
    public void configure() {
        rest("/sagas").description("Durable saga log (operators)")
                .get().id("saga.http-list")
                    .description("Open or FAILED sagas in one state (query parameters state and limit), with their steps")
                    .produces("application/json").to("direct:saga.list")
                .get("/{id}").id("saga.http-get").description("A saga's state, steps and what each holds, attempts and last error")
                    .produces("application/json").to("direct:saga.get")
                .post("/{id}/retry").id("saga.http-retry")
                    .description("Runs a FAILED saga's direction again from its first step; 409 unless FAILED")
                    .produces("application/json").to("direct:saga.retry")
                .post("/{id}/compensate").id("saga.http-compensate")
                    .description("Compensates a FAILED saga that failed while compensating; 409 otherwise")
                    .produces("application/json").to("direct:saga.compensate");

        from("direct:saga.list").routeId("saga.list")
                .bean(SagaViews.class, "list")
                .bean("jsonResponses", "ok");
        from("direct:saga.get").routeId("saga.get")
                .bean(SagaViews.class, "find")
                .bean("jsonResponses", "ok");
        from("direct:saga.retry").routeId("saga.retry")
                .bean(SagaViews.class, "retry")
                .bean("jsonResponses", "ok");
        from("direct:saga.compensate").routeId("saga.compensate")
                .bean(SagaViews.class, "compensate")
                .bean("jsonResponses", "ok");

        // the gauges of open and FAILED sagas; off the request path
        from("timer:saga-census?delay=2000&period={{unicorn.saga.census-interval}}").routeId("saga.count-by-state")
                .bean(SagaCensus.class, "count");

        // periodically, from a random offset per instance within one interval, so instances sweep apart
        from("timer:saga-recovery?delay=" + firstSweep.toMillis() + "&period={{unicorn.saga.recovery-interval}}")
                .routeId("saga.recover-abandoned")
                .bean(DurableSagaService.class, "recoverAbandoned");
    }
}
