package com.unicornstore.platform.web;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/** REST DSL defaults: served by platform-http at the root, JSON written by the routes themselves, OpenAPI at /api-doc. */
public class RestConfigurationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                // REST routes stay the HTTP edge, apart from the direct: routes they call
                .inlineRoutes(false)
                .apiContextPath("/api-doc")
                .apiProperty("api.title", "Unicorn Store retail and loyalty API")
                .apiProperty("api.version", "1")
                .apiContextRouteId("platform.api-doc");
    }
}
