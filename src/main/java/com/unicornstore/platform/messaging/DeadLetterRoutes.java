package com.unicornstore.platform.messaging;

import org.apache.camel.builder.RouteBuilder;

/** Operators' view of dead letters: list per queue, redrive, delete (scope operator, AccessRules). */
public class DeadLetterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/dead-letters").description("Parked messages of every queue with a dead-letter queue")
                .get().id("platform.http-dead-letters").description("A queue's dead letters, paged by limit and cursor")
                    .produces("application/json").to("direct:platform.dead-letters")
                .post("/{queue}/redrive").id("platform.http-redrive-dead-letters")
                    .description("Moves all, or the listed {\"ids\":[...]}, back to their queue")
                    .produces("application/json").to("direct:platform.redrive-dead-letters")
                .delete("/{queue}/{id}").id("platform.http-delete-dead-letter").description("Removes one dead letter")
                    .to("direct:platform.delete-dead-letter");

        from("direct:platform.dead-letters").routeId("platform.dead-letters")
                .bean("deadLetterRequests", "list")
                .bean("jsonResponses", "ok");
        from("direct:platform.redrive-dead-letters").routeId("platform.redrive-dead-letters")
                .bean("deadLetterRequests", "redrive")
                .bean("jsonResponses", "ok");
        from("direct:platform.delete-dead-letter").routeId("platform.delete-dead-letter")
                .bean("deadLetterRequests", "delete")
                .bean("jsonResponses", "noContent");
    }
}
