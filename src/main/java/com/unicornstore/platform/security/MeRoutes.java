package com.unicornstore.platform.security;

import org.apache.camel.builder.RouteBuilder;

/** {@code GET /me}: who the web store (or any client) is logged in as. */
public class MeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/me").description("The authenticated caller")
                .get().id("platform.http-me")
                    .description("{principal, kind: shopper|operator|integrator, account_id (shoppers), scopes}; 401 when not logged in")
                    .produces("application/json").to("direct:platform.me");

        from("direct:platform.me").routeId("platform.me")
                .bean("callerViews", "me")
                .bean("jsonResponses", "ok");
    }
}
