package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;

/**
 * One saga, as seen by this instance. It keeps no steps: each step is appended to the log as it
 * begins, and completion and compensation run from the log's record ({@link SagaDrive}), so any
 * object or instance can end the saga. It knows only whether this instance is driving the saga:
 * its exchange is still in flight, a step timeout is pending, or a drive is running or scheduled.
 */
final class DurableSagaCoordinator implements CamelSagaCoordinator {

    private final DurableSagaService service;
    private final String id;
    private final AtomicReference<SagaDrive> drive = new AtomicReference<>();
    private final AtomicInteger pendingTimeouts = new AtomicInteger();
    private volatile boolean inFlight;
    private volatile boolean lost;
    /** When this instance began (or took over) the saga: the start of its measured duration. */
    private final long begunNanos = System.nanoTime();

    DurableSagaCoordinator(DurableSagaService service, String id) {
        this.service = service;
        this.id = id;
    }

    /** How long since this instance began or took over the saga. */
    java.time.Duration age() {
        return java.time.Duration.ofNanos(System.nanoTime() - begunNanos);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public CompletableFuture<Void> beginStep(Exchange exchange, CamelSagaStep step) {
        if (step.getCompensation().isEmpty() && step.getCompletion().isEmpty()) {
            return CompletableFuture.completedFuture(null); // e.g. the saga route itself: nothing to record
        }
        if (lost || service.handingOver()) {
            return CompletableFuture.failedFuture(DurableSagaService.stopping(id));
        }
        try {
            SagaStep recorded = new SagaStep(uri(step.getCompensation().orElse(null)),
                    uri(step.getCompletion().orElse(null)), evaluate(step.getOptions(), exchange));
            if (!service.log().appendStep(id, recorded, service.instanceId(), service.leaseUntil())) {
                return CompletableFuture.failedFuture(new IllegalStateException("Saga " + id + " is no longer running"));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // the exchange fails, and its saga is compensated
        }
        step.getTimeoutInMilliseconds().ifPresent(this::compensateAfter);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> compensate(Exchange exchange) {
        return drive(SagaDrive.Direction.COMPENSATE);
    }

    @Override
    public CompletableFuture<Void> complete(Exchange exchange) {
        return drive(SagaDrive.Direction.COMPLETE);
    }

    /** Starts a drive on the calling thread (its first attempt answers Camel); one drive at a time per saga. */
    private CompletableFuture<Void> drive(SagaDrive.Direction direction) {
        SagaDrive started = SagaDrive.claiming(service, this, direction);
        if (!drive.compareAndSet(null, started)) {
            SagaDrive current = drive.get();
            return current == null || current.direction() == direction ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IllegalStateException(
                            "Saga " + id + " is already being driven to " + current.direction().end));
        }
        started.run();
        return started.claimed();
    }

    /** Continues a saga this instance took over or reopened, on the service's drive executor. */
    void resume(SagaRecord record) {
        SagaDrive resumed = record.state() == SagaState.RUNNING
                ? SagaDrive.claiming(service, this, SagaDrive.Direction.COMPENSATE)
                : SagaDrive.resuming(service, this, record);
        drive.set(resumed);
        service.driveLater(resumed, Duration.ZERO);
    }

    /** Like {@link #resume}, on the calling thread: its first attempt is done when this returns. */
    void resumeNow(SagaRecord record) {
        SagaDrive resumed = SagaDrive.resuming(service, this, record);
        drive.set(resumed);
        resumed.run();
    }

    private void compensateAfter(long timeoutMillis) {
        pendingTimeouts.incrementAndGet();
        service.later(() -> {
            pendingTimeouts.decrementAndGet();
            compensate(null);
        }, Duration.ofMillis(timeoutMillis), pendingTimeouts::decrementAndGet);
    }

    void inFlight(boolean running) {
        inFlight = running;
    }

    /** True while something on this instance will still advance the saga: only such sagas have their lease renewed. */
    boolean driven() {
        return !lost && (inFlight || pendingTimeouts.get() > 0 || drive.get() != null);
    }

    /** The drive stopped, ended or not; if it did not end the saga, nothing here advances it any more. */
    void driveEnded(SagaDrive ended) {
        drive.compareAndSet(ended, null);
    }

    void lost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    private static Map<String, String> evaluate(Map<String, Expression> options, Exchange exchange) {
        Map<String, String> values = new HashMap<>();
        options.forEach((name, expression) -> {
            Object value = expression.evaluate(exchange, Object.class);
            if (value != null) {
                values.put(name, Objects.toString(value));
            }
        });
        return values;
    }

    private static String uri(Endpoint endpoint) {
        return endpoint == null ? null : endpoint.getEndpointUri();
    }
}
