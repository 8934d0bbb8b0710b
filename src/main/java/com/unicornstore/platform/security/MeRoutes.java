package com.unicornstore.platform.security;

import org.apache.camel.builder.RouteBuilder;

/** {@code GET /me}: who the web store (or any client) is logged in as; {@code GET /auth/config}: how it logs in. */
public class MeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/me").description("The authenticated caller")
                .get().id("platform.http-me")
                    .description("{principal, kind: shopper|operator|integrator, account_id (shoppers), scopes}; 401 when not logged in")
                    .produces("application/json").to("direct:platform.me");

        rest("/auth/config").description("How the web store logs in")
                .get().id("platform.http-auth-config")
                    .description("Public: {mode: session} (form login at POST /login) or {mode: oidc, authority, client_id, "
                            + "scope, redirect_uri?, authorization_endpoint?, token_endpoint?} (authorization code with PKCE)")
                    .produces("application/json").to("direct:platform.auth-config");

        from("direct:platform.me").routeId("platform.me")
                .bean("callerViews", "me")
                .bean("jsonResponses", "ok");

        from("direct:platform.auth-config").routeId("platform.auth-config")
                .bean("authConfig", "view")
                .bean("jsonResponses", "ok");
    }
}
