package com.unicornstore.platform.web;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling for every route, declared once: a failure on an exchange that came in over HTTP
 * becomes a problem+json response; on any other exchange (queues, timers) it propagates so the
 * consumer can retry or dead-letter it.
 */
public class HttpProblemRoutes extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                .onWhen(method(HttpProblemResponder.class, "isHttp"))
                .handled(true)
                .bean(HttpProblemResponder.class, "respond");
    }
}
