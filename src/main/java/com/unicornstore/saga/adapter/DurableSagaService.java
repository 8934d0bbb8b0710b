package com.unicornstore.saga.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.saga.domain.RetryPolicy;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's saga SPI over the durable {@link SagaLog}, replacing Camel's in-memory saga service. Each
 * instance owns the sagas it starts under a lease it renews only while it drives them; sagas whose
 * owner stopped renewing (crash, kill -9, nothing left to advance them) are taken over by whichever
 * instance recovers first and driven to an end. Renewals have a thread of their own; completions and
 * compensations, and their retries, run on the drive executor.
 */
public final class DurableSagaService extends ServiceSupport implements CamelSagaService {

    /**
     * Exchange property: the id the saga begun by this exchange gets (1-64 characters of
     * {@code [A-Za-z0-9._@-]}), so a caller can make it deterministic; a random UUID without it.
     */
    public static final String SAGA_ID_PROPERTY = "unicorn.saga.id";

    /** Timer of the sagas ended here, by outcome (COMPLETED, COMPENSATED, FAILED). */
    public static final String DURATION = "unicorn.saga.duration";

    private static final Logger LOG = LoggerFactory.getLogger(DurableSagaService.class);
    /** How long a stop waits for a renewal or drive already writing before it gives leases back. */
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(2);

    private final SagaLog log;
    private final Duration lease;
    private final RetryPolicy retry;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String instanceId = "instance-" + UUID.randomUUID();
    private final Map<String, DurableSagaCoordinator> active = new ConcurrentHashMap<>();
    private CamelContext camel;
    private ScheduledExecutorService drives;
    private ScheduledExecutorService renewals;
    private ProducerTemplate producer;
    /**
     * Set as this service stops: from then on this instance writes nothing more to the log (no
     * renewal, claim, step or new saga), so the leases it gave back stay given back and another
     * instance takes its sagas over at once. Threads still running an exchange see it and give up.
     */
    private volatile boolean handingOver;

    public DurableSagaService(SagaLog log, Duration lease, RetryPolicy retry, Clock clock) {
        this(log, lease, retry, clock, new SimpleMeterRegistry());
    }

    /** As the other constructor; each saga this instance ends is timed in {@code meters} as {@value #DURATION}. */
    public DurableSagaService(SagaLog log, Duration lease, RetryPolicy retry, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.lease = lease;
        this.retry = retry;
        this.clock = clock;
        this.meters = meters;
    }

    /** Writes the saga's record (RUNNING, owned here) before the saga joins this instance's active set. */
    @Override
    public CompletableFuture<CamelSagaCoordinator> newSaga(Exchange exchange) {
        String given = exchange == null ? null : exchange.getProperty(SAGA_ID_PROPERTY, String.class);
        if (given != null && !Identifiers.isValid(given)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not a saga id: '" + given + "'"));
        }
        String id = given == null ? UUID.randomUUID().toString() : given;
        if (handingOver) {
            return CompletableFuture.failedFuture(stopping(id));
        }
        try {
            if (!log.create(id, UUID.randomUUID().toString(), instanceId, leaseUntil())) {
                return CompletableFuture.failedFuture(new Rejection(Rejection.Kind.CONFLICT, SagaLog.ID_IN_USE,
                        "A saga with id '" + id + "' exists already."));
            }
        } catch (RuntimeException logDidNotAnswer) {
            return CompletableFuture.failedFuture(logDidNotAnswer);
        }
        DurableSagaCoordinator coordinator = new DurableSagaCoordinator(this, id);
        coordinator.inFlight(true);
        active.put(id, coordinator);
        if (exchange != null) {
            // once the exchange is done, only a drive or a pending timeout still advances the saga here
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    coordinator.inFlight(false);
                }
            });
        }
        return CompletableFuture.completedFuture(coordinator);
    }

    /** The active coordinator, or one over the log's record: its steps come from the log either way. */
    @Override
    public CompletableFuture<CamelSagaCoordinator> getSaga(String id) {
        DurableSagaCoordinator local = active.get(id);
        if (local != null) {
            return CompletableFuture.completedFuture(local);
        }
        return CompletableFuture.completedFuture(log.find(id)
                .map(record -> (CamelSagaCoordinator) new DurableSagaCoordinator(this, id)).orElse(null));
    }

    @Override
    public void registerStep(CamelSagaStep step) {
        // steps are recorded per saga when they begin
    }

    /** Drives every abandoned open saga to an end: a RUNNING one is compensated, others resume where they were. */
    public int recoverAbandoned() {
        int recovered = 0;
        Instant now = clock.instant();
        for (SagaRecord abandoned : log.findAbandoned(now)) {
            if (handingOver) {
                break;
            }
            try {
                var taken = log.takeOver(abandoned.id(), instanceId, now.plus(lease), now);
                if (taken.isPresent()) {
                    LOG.warn("Recovering saga {} ({}, owner {} stopped renewing its lease)", abandoned.id(),
                            taken.get().state(), abandoned.owner());
                    track(new DurableSagaCoordinator(this, abandoned.id())).resume(taken.get());
                    recovered++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not recover saga {} now; the next round will try again: {}", abandoned.id(), e.toString());
            }
        }
        return recovered;
    }

    /** Operators: runs a FAILED saga's direction again from its first step, with a fresh retry budget. */
    public SagaRecord retryFailed(String id, Function<SagaRecord, SagaState> rule) {
        SagaRecord failed = log.find(id)
                .orElseThrow(() -> Rejection.notFound("saga-not-found", "No saga with id '" + id + "'."));
        SagaState to = rule.apply(failed);
        SagaRecord reopened = log.reopen(id, to, instanceId, leaseUntil(), UUID.randomUUID().toString())
                .orElseThrow(() -> new Rejection(Rejection.Kind.CONFLICT, "saga-not-failed",
                        "Saga " + id + " changed meanwhile; it is no longer FAILED."));
        LOG.warn("Saga {} reopened by an operator: {} again from its first step", id, to);
        track(new DurableSagaCoordinator(this, id)).resumeNow(reopened);
        return log.find(id).orElse(reopened);
    }

    SagaLog log() {
        return log;
    }

    RetryPolicy retry() {
        return retry;
    }

    CamelContext camel() {
        return camel;
    }

    ProducerTemplate producer() {
        return producer;
    }

    String instanceId() {
        return instanceId;
    }

    Instant leaseUntil() {
        return clock.instant().plus(lease);
    }

    /** Makes the saga one this instance drives (its lease is renewed while it is driven). */
    DurableSagaCoordinator track(DurableSagaCoordinator coordinator) {
        active.put(coordinator.getId(), coordinator);
        return coordinator;
    }

    /** True once this service stops: nothing here may write the log any more (see {@link #doStop()}). */
    boolean handingOver() {
        return handingOver;
    }

    /** Why a saga cannot go on here: this instance is stopping and has given it back. */
    static IllegalStateException stopping(String sagaId) {
        return new IllegalStateException("This instance is stopping; saga " + sagaId + " is left to another instance");
    }

    void driveLater(SagaDrive drive, Duration delay) {
        later(drive::run, delay, () -> drive.saga().driveEnded(drive));
    }

    /** Runs the task on the drive executor; if it cannot run or breaks, {@code ifNotRun} says so. */
    void later(Runnable task, Duration delay, Runnable ifNotRun) {
        try {
            drives.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("A saga drive broke; its saga is left to recovery", e);
                    ifNotRun.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            ifNotRun.run();
        }
    }

    void finished(String sagaId, SagaState state) {
        DurableSagaCoordinator ended = active.remove(sagaId);
        if (ended != null && state != null) {
            Timer.builder(DURATION).tag("outcome", state.name())
                    .description("Sagas ended by this instance, by outcome: time since it began or took them over")
                    .register(meters).record(ended.age());
        }
        LOG.debug("Saga {} ended {} here", sagaId, state);
    }

    /**
     * Renews the lease of each saga this instance drives. One it no longer drives (its exchange is
     * done and no drive or timeout is pending) is dropped unrenewed, so recovery takes it over.
     */
    void renewLeases() {
        for (DurableSagaCoordinator saga : active.values()) {
            renew(saga);
        }
    }

    /**
     * One saga of a renewal pass. The pass can reach a saga that ended here after the pass began (the
     * map's iterator reads ahead, and each renewal before it is a write to the log): one no longer
     * tracked is left alone, neither renewed nor reported. A drive stops tracking its saga before it
     * lets go of it ({@link SagaDrive}), so a saga found undriven and still tracked was truly left.
     */
    void renew(DurableSagaCoordinator saga) {
        String id = saga.getId();
        if (active.get(id) != saga) {
            return;
        }
        if (!saga.driven()) {
            if (active.remove(id, saga)) {
                LOG.warn("Saga {} is no longer driven here; its lease is left to run out", id);
            }
            return;
        }
        try {
            if (!log.renewLease(id, instanceId, leaseUntil()) && active.remove(id, saga)) {
                LOG.warn("Saga {} was taken over by another instance", id);
                saga.lost();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the lease of saga {}: {}", id, e.toString());
        }
    }

    @Override
    protected void doStart() {
        handingOver = false;
        drives = camel.getExecutorServiceManager().newScheduledThreadPool(this, "saga-drive", 2);
        renewals = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "saga-lease");
        producer = camel.createProducerTemplate();
        long period = Math.max(100, lease.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Only the CamelContext's own stop ends the service. Routes stop the services they use (the
     * Saga EIP stops its saga service, the bean processor its bean) when one of them is stopped or
     * re-woven; this service is every route's, and stopping it would strand the instance's sagas.
     */
    @Override
    public void stop() {
        if (contextEnding()) {
            super.stop();
        }
    }

    /** Like {@link #stop()}: a route being removed does not end the context's saga service. */
    @Override
    public void shutdown() {
        if (contextEnding()) {
            super.shutdown();
        }
    }

    /** Stops this service although its context goes on (a second instance in a test). */
    void stopAlone() {
        super.stop();
    }

    private boolean contextEnding() {
        return camel == null || camel.isStopping() || camel.isStopped();
    }

    /**
     * Hands this instance's sagas over: first nothing here writes any more (the flag, then the
     * renewal and drive threads are ended and awaited, so no renewal or retry lands after a lease is
     * given back), then each lease is given back, so another instance takes the saga at once.
     */
    @Override
    protected void doStop() throws Exception {
        handingOver = true;
        for (ScheduledExecutorService executor : new ScheduledExecutorService[] {renewals, drives}) {
            if (executor != null) {
                camel.getExecutorServiceManager().shutdownNow(executor);
                if (!executor.awaitTermination(HAND_OVER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Saga threads still busy after {}; handing over anyway", HAND_OVER_WAIT);
                }
            }
        }
        for (DurableSagaCoordinator saga : active.values()) {
            saga.lost(); // a thread still in one of its exchanges drives it no further
            try {
                if (log.renewLease(saga.getId(), instanceId, clock.instant().minusMillis(1))) {
                    LOG.info("Saga {} handed over: its lease is given back", saga.getId());
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not release saga {}: {}", saga.getId(), e.toString());
            }
        }
        active.clear();
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camel = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }
}
