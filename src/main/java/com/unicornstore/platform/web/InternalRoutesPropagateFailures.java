package com.unicornstore.platform.web;

import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;

/**
 * Routes consumed from {@code direct:} are steps of a bigger flow: a failure in one must reach its
 * caller untouched, so that the caller's error handling, a saga's compensation or a queue's
 * redelivery sees it. Camel's default error handler would instead mark the failure "exhausted" in
 * the inner route, and the caller's onException would never run; so these routes get none.
 */
public final class InternalRoutesPropagateFailures implements RouteBuilderLifecycleStrategy {

    @Override
    public void afterConfigure(RouteBuilder builder) {
        for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
            String uri = route.getInput() == null ? "" : route.getInput().getEndpointUri();
            if (uri != null && uri.startsWith("direct:") && !route.isErrorHandlerFactorySet()) {
                route.errorHandler(new NoErrorHandlerBuilder());
            }
        }
    }
}
