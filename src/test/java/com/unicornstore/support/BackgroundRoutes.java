package com.unicornstore.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Stops, for a while, the routes that make AWS calls of their own (queue consumers, streams,
 * timers such as the projection, the expiry job or saga recovery), so a test counting the calls of
 * one request counts only that request's.
 */
public final class BackgroundRoutes {

    private static final long STOP_GRACE_MILLIS = 300;
    private static final long BATCH_GRACE_MILLIS = 10_000;
    /** Direct routes that background work (not a request) sends to. */
    private static final Set<String> FED_BY_BACKGROUND = Set.of("points.project-batch");

    private final CamelContext camel;
    private final List<String> stopped = new ArrayList<>();

    private BackgroundRoutes(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * Stops every route not started by a request (direct:, platform-http:, rest:), and the
     * projection's batch route, which the stream reader feeds: while it is stopped the reader holds
     * its batch and tries again, so the projection pauses without losing a record.
     */
    public static BackgroundRoutes stop(CamelContext camel) throws Exception {
        BackgroundRoutes background = new BackgroundRoutes(camel);
        for (Route route : camel.getRoutes()) {
            String from = route.getEndpoint().getEndpointUri();
            if (FED_BY_BACKGROUND.contains(route.getRouteId())) {
                // a batch being projected finishes first: its calls are not the test's
                camel.getRouteController().stopRoute(route.getRouteId(), BATCH_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                background.stopped.add(route.getRouteId());
            } else if (!from.startsWith("direct:") && !from.startsWith("platform-http:") && !from.startsWith("rest")) {
                // a long-polling SQS consumer holds a graceful stop for the whole shutdown timeout;
                // nothing of a test's is in flight here, so a short grace and then a forced stop
                camel.getRouteController().stopRoute(route.getRouteId(), STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
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
