package com.unicornstore.platform.web;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling for every route, declared once: a failure that reaches the route which received
 * an HTTP request becomes a problem+json response; in routes it calls, and on any other exchange
 * (queues, timers), failures propagate so callers, sagas and consumers see them.
 */
public class HttpProblemRoutes extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                .onWhen(method(HttpProblemResponder.class, "isHttpEdge"))
                .handled(true)
                .bean(HttpProblemResponder.class, "respond");
    }
}
