package com.unicornstore.points.adapter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll strategy of the stream consumer. The aws2-ddbstream consumer keeps its stream ARN and shard
 * iterators for ever; when the stream they point at is gone (a table re-created, a local backend
 * restarted) every poll fails. After a few failures in a row the route is replaced by a fresh
 * one, which looks the stream up again. The projection is idempotent, so starting over is safe.
 */
public final class StreamRecovery implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRecovery.class);

    private final CamelContext camel;
    private final String routeId;
    private final Supplier<RoutesBuilder> route;
    private final int failuresBeforeRestart;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean restarting = new AtomicBoolean();
    private final ExecutorService restarter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stream-recovery");
        thread.setDaemon(true);
        return thread;
    });

    public StreamRecovery(CamelContext camel, String routeId, Supplier<RoutesBuilder> route, int failuresBeforeRestart) {
        this.camel = camel;
        this.routeId = routeId;
        this.route = route;
        this.failuresBeforeRestart = failuresBeforeRestart;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        failures.set(0);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        int failed = failures.incrementAndGet();
        LOG.warn("Polling {} failed ({} in a row): {}", routeId, failed, cause.toString());
        if (failed >= failuresBeforeRestart && restarting.compareAndSet(false, true)) {
            restarter.execute(this::replaceRoute);
        }
        return false;
    }

    /** Runs on its own thread: a route cannot be removed from its own polling thread. */
    private void replaceRoute() {
        try {
            LOG.warn("Replacing route {} so that it finds its stream again", routeId);
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
            camel.addRoutes(route.get());
            failures.set(0);
        } catch (Exception e) {
            LOG.error("Could not replace route {}: {}", routeId, e.toString());
        } finally {
            restarting.set(false);
        }
    }

    public void close() {
        restarter.shutdownNow();
    }
}
