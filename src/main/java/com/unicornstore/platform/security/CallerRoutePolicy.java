package com.unicornstore.platform.security;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Names the caller of every HTTP exchange as it begins, while its message is still the servlet
 * request's: later steps may replace the message, the exchange property stays.
 */
public final class CallerRoutePolicy extends RoutePolicySupport implements RoutePolicyFactory {

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return this;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        // a REST route's own endpoint is rest:..., the exchange's is the platform-http one it came from
        if (exchange.getFromEndpoint() instanceof PlatformHttpEndpoint) {
            Callers.of(exchange);
        }
    }
}
