package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.RetryPolicy;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaService;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's saga SPI over the durable {@link SagaLog}, replacing Camel's in-memory saga service. Each instance
 * owns the sagas it starts under a lease it keeps renewing; sagas whose owner stopped renewing
 * (crash, kill -9) are taken over by whichever instance recovers first and driven to an end.
 */
public final class DurableSagaService extends ServiceSupport implements CamelSagaService {

    private static final Logger LOG = LoggerFactory.getLogger(DurableSagaService.class);

    /** Exchange property: the id a new saga takes (a deterministic id derived from its business key); else a UUID. */
    public static final String SAGA_ID_PROPERTY = "unicorn.saga.id";

    private final SagaLog log;
    private final Duration lease;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String instanceId = "instance-" + UUID.randomUUID();
    private final Map<String, DurableSagaCoordinator> active = new ConcurrentHashMap<>();
    private CamelContext camel;
    private ScheduledExecutorService executor;
    private ProducerTemplate producer;

    public DurableSagaService(SagaLog log, Duration lease, RetryPolicy retry, Clock clock) {
        this.log = log;
        this.lease = lease;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<CamelSagaCoordinator> newSaga(Exchange exchange) {
        String given = exchange == null ? null : exchange.getProperty(SAGA_ID_PROPERTY, String.class);
        String id = given != null ? given : UUID.randomUUID().toString();
        DurableSagaCoordinator coordinator = new DurableSagaCoordinator(this, id, List.of());
        active.put(id, coordinator);
        return CompletableFuture.completedFuture(coordinator);
    }

    @Override
    public CompletableFuture<CamelSagaCoordinator> getSaga(String id) {
        DurableSagaCoordinator local = active.get(id);
        if (local != null) {
            return CompletableFuture.completedFuture(local);
        }
        return CompletableFuture.completedFuture(
                log.find(id).map(record -> (CamelSagaCoordinator) new DurableSagaCoordinator(this, id, record.steps()))
                        .orElse(null));
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
            try {
                recovered += recover(abandoned, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Could not recover saga {} now; the next round will try again: {}", abandoned.id(), e.toString());
                active.remove(abandoned.id());
            }
        }
        return recovered;
    }

    private boolean recover(SagaRecord abandoned, Instant now) {
        var taken = log.takeOver(abandoned.id(), instanceId, now.plus(lease), now);
        if (taken.isEmpty()) {
            return false;
        }
        SagaRecord record = taken.get();
        LOG.warn("Recovering saga {} ({}, owner {} stopped renewing its lease)", record.id(), record.state(),
                abandoned.owner());
        DurableSagaCoordinator coordinator = new DurableSagaCoordinator(this, record.id(), record.steps());
        active.put(record.id(), coordinator);
        coordinator.resume(record.state(), record.attempts());
        return true;
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

    void schedule(Runnable task, Duration delay) {
        executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops renewing the saga's lease, so that recovery takes it over when it runs out. */
    void abandon(String sagaId) {
        active.remove(sagaId);
    }

    void finished(String sagaId, SagaState state) {
        active.remove(sagaId);
        LOG.debug("Saga {} ended {}", sagaId, state);
    }

    private void renewLeases() {
        for (String id : active.keySet()) {
            try {
                if (!log.renewLease(id, instanceId, leaseUntil())) {
                    LOG.warn("Saga {} was taken over by another instance", id);
                    active.remove(id);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of saga {}: {}", id, e.toString());
            }
        }
    }

    @Override
    protected void doStart() {
        executor = camel.getExecutorServiceManager().newScheduledThreadPool(this, "saga", 2);
        producer = camel.createProducerTemplate();
        long period = Math.max(100, lease.toMillis() / 3);
        executor.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
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

    private boolean contextEnding() {
        return camel == null || camel.isStopping() || camel.isStopped();
    }

    @Override
    protected void doStop() throws Exception {
        // let another instance pick up what this one leaves unfinished, without waiting for the lease
        for (String id : active.keySet()) {
            try {
                log.renewLease(id, instanceId, clock.instant().minusMillis(1));
            } catch (RuntimeException e) {
                LOG.warn("Could not release saga {}: {}", id, e.toString());
            }
        }
        active.clear();
        if (executor != null) {
            camel.getExecutorServiceManager().shutdownNow(executor);
        }
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
