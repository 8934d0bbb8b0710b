package com.unicornstore.platform.web;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, stops the Camel context after the web server's graceful drain and before the web
 * server itself stops.
 *
 * <p>REST routes run on the servlet container's request threads ({@link ServletThreadRequests}),
 * and the container's stop interrupts whatever still runs on them. Camel's own lifecycle phase
 * ({@code SpringCamelContext}, just after the web server's) would come only after that: a purchase
 * still in its saga would see the interrupt and be compensated on this stopping instance. Stopped
 * here instead, Camel's graceful stop gives the exchanges in flight their time
 * ({@code camel.main.shutdown-timeout}) on intact threads, and then the saga service hands the sagas
 * still running over (their leases given back, nothing here writes them any more), for another
 * instance to finish at once. The container's stop then only ends threads that drive nothing.
 *
 * <p>Stop order, highest phase first: the web server's graceful drain (Spring Boot,
 * {@code DEFAULT_PHASE - 1024}: no new requests, those in flight get
 * {@code spring.lifecycle.timeout-per-shutdown-phase}), the stream reader (which still hands its
 * last batch to Camel), this, the web server ({@code DEFAULT_PHASE - 2048}), Camel's own stop
 * (then a no-op).
 */
public final class CamelStopsBeforeWebServer implements SmartLifecycle {

    /** Between the stream reader's phase ({@code DEFAULT_PHASE - 1536}) and the web server's. */
    public static final int PHASE = DEFAULT_PHASE - 1792;

    /**
     * Looked up only at stop: a lifecycle bean's direct dependencies are started before it, and the
     * Camel context must start as it always does, once its routes are collected.
     */
    private final ObjectProvider<CamelContext> camel;
    private volatile boolean running;

    public CamelStopsBeforeWebServer(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        CamelContext context = camel.getIfAvailable();
        if (context != null && !context.isStopped()) {
            context.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
