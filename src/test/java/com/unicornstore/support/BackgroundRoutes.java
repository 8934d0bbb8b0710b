package com.unicornstore.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Stops, for a while, the routes that make AWS calls of their own (queue consumers, streams,
 * timers such as the projection, the expiry job or saga recovery), so a test counting the calls of
 * one request counts only that request's.
 */
public final class BackgroundRoutes {

    private final CamelContext camel;
    private final List<String> stopped = new ArrayList<>();

    private BackgroundRoutes(CamelContext camel) {
        this.camel = camel;
    }

    /** Stops every route not started by a request (direct:, platform-http:, rest:). */
    public static BackgroundRoutes stop(CamelContext camel) throws Exception {
        BackgroundRoutes background = new BackgroundRoutes(camel);
        for (Route route : camel.getRoutes()) {
            String from = route.getEndpoint().getEndpointUri();
            if (!from.startsWith("direct:") && !from.startsWith("platform-http:") && !from.startsWith("rest")) {
                camel.getRouteController().stopRoute(route.getRouteId());
                background.stopped.add(route.getRouteId());
            }
        }
        return background;
    }

    /** Starts again what {@link #stop} stopped. */
    public void resume() throws Exception {
        for (String routeId : stopped) {
            camel.getRouteController().startRoute(routeId);
        }
        stopped.clear();
    }
}
