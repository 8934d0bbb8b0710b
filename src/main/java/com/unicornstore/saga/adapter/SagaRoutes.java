package com.unicornstore.saga.adapter;

import org.apache.camel.builder.RouteBuilder;

/** Operators' view of the saga log, and the recovery of sagas whose instance died. */
public class SagaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/sagas").description("Durable saga log (operators)")
                .get("/{id}").id("saga.http-get").description("A saga's state, steps, attempts and last error")
                    .produces("application/json").to("direct:saga.get");

        from("direct:saga.get").routeId("saga.get")
                .bean(SagaViews.class, "find")
                .bean("jsonResponses", "ok");

        // at start-up (after a short delay) and then periodically
        from("timer:saga-recovery?delay=1000&period={{unicorn.saga.recovery-interval}}").routeId("saga.recover-abandoned")
                .bean(DurableSagaService.class, "recoverAbandoned");
    }
}
