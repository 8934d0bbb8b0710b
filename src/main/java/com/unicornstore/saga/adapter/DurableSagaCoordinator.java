package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One saga, as seen by the instance driving it. Every state change goes through the log's
 * conditional transitions first, so two instances never both compensate or complete it; the
 * compensations and completions themselves must be idempotent, as any may run again after a crash.
 */
final class DurableSagaCoordinator implements CamelSagaCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(DurableSagaCoordinator.class);

    private final DurableSagaService service;
    private final String id;
    private final List<SagaStep> steps;

    DurableSagaCoordinator(DurableSagaService service, String id, List<SagaStep> steps) {
        this.service = service;
        this.id = id;
        this.steps = Collections.synchronizedList(new ArrayList<>(steps));
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
        SagaStep recorded;
        try {
            recorded = new SagaStep(uri(step.getCompensation().orElse(null)), uri(step.getCompletion().orElse(null)),
                    evaluate(step.getOptions(), exchange));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean appended;
        try {
            appended = service.log().appendStep(id, recorded, service.instanceId(), service.leaseUntil());
        } catch (RuntimeException unknown) {
            // thrown here, Camel would drop it and never call the route back: the request would hang
            return CompletableFuture.failedFuture(unknown);
        }
        if (!appended) {
            return CompletableFuture.failedFuture(new IllegalStateException("Saga " + id + " is no longer running"));
        }
        steps.add(recorded);
        step.getTimeoutInMilliseconds().ifPresent(timeout -> service.schedule(
                () -> compensate(null), java.time.Duration.ofMillis(timeout)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> compensate(Exchange exchange) {
        return finish(SagaState.COMPENSATING, SagaState.COMPENSATED, SagaStep::compensation);
    }

    @Override
    public CompletableFuture<Void> complete(Exchange exchange) {
        if (snapshot().stream().allMatch(step -> step.completion() == null)) {
            // nothing to confirm: one transition, straight to the end
            return finish(SagaState.COMPLETED, SagaState.COMPLETED, SagaStep::completion);
        }
        return finish(SagaState.COMPLETING, SagaState.COMPLETED, SagaStep::completion);
    }

    /** Continues a saga taken over from a dead instance. */
    void resume(SagaState state, int attempts) {
        switch (state) {
            case RUNNING -> compensate(null);
            case COMPENSATING -> run(SagaState.COMPENSATING, SagaState.COMPENSATED, SagaStep::compensation, 0, attempts);
            case COMPLETING -> run(SagaState.COMPLETING, SagaState.COMPLETED, SagaStep::completion, 0, attempts);
            default -> service.finished(id, state);
        }
    }

    /**
     * Claims the saga for {@code during} (one conditional write) and runs the actions. If another
     * instance or an earlier call already moved it there, or to {@code end}, there is nothing to do.
     */
    private CompletableFuture<Void> finish(SagaState during, SagaState end, Function<SagaStep, String> action) {
        if (snapshot().isEmpty()) {
            service.finished(id, end); // nothing was ever recorded: nothing to undo or confirm
            return CompletableFuture.completedFuture(null);
        }
        if (service.log().transition(id, EnumSet.of(SagaState.RUNNING), during).isPresent()) {
            run(during, end, action, 0, 0);
            return CompletableFuture.completedFuture(null);
        }
        SagaState now = service.log().find(id).map(SagaRecord::state).orElse(null);
        if (now == during || now == end) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(
                new IllegalStateException("Saga " + id + " cannot move to " + during + ": it is " + now));
    }

    /** Runs the steps' actions, last step first, from {@code index}; retries with backoff, FAILED past the budget. */
    private void run(SagaState during, SagaState end, Function<SagaStep, String> action, int index, int attempts) {
        List<SagaStep> ordered = snapshot();
        Collections.reverse(ordered);
        for (int i = index; i < ordered.size(); i++) {
            String uri = action.apply(ordered.get(i));
            if (uri == null) {
                continue;
            }
            Exception failure = send(uri, ordered.get(i).options());
            if (failure != null) {
                retryLater(during, end, action, i, attempts + 1, uri, failure);
                return;
            }
        }
        try {
            if (during != end) {
                service.log().transition(id, EnumSet.of(during), end);
            }
            service.finished(id, end);
        } catch (RuntimeException logUnreachable) {
            abandon(logUnreachable);
        }
    }

    private void retryLater(SagaState during, SagaState end, Function<SagaStep, String> action, int index, int attempts,
            String uri, Exception failure) {
        String error = uri + ": " + failure;
        try {
            service.log().recordFailure(id, attempts, error);
            if (service.retry().exhausted(attempts)) {
                LOG.error("Saga {} FAILED after {} attempts towards {}: {}", id, attempts, end, error);
                service.log().transition(id, SagaState.OPEN, SagaState.FAILED);
                service.finished(id, SagaState.FAILED);
                return;
            }
        } catch (RuntimeException logUnreachable) {
            abandon(logUnreachable);
            return;
        }
        var delay = service.retry().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble);
        LOG.warn("Saga {} attempt {} towards {} failed ({}); retrying in {}", id, attempts, end, error, delay);
        service.schedule(() -> run(during, end, action, index, attempts), delay);
    }

    /**
     * The log itself cannot be written: stop driving the saga here and stop renewing its lease, so
     * that recovery (here or on another instance) takes it over once the backend answers again.
     */
    private void abandon(RuntimeException cause) {
        LOG.warn("Saga {} left to recovery: the saga log did not answer ({})", id, cause.toString());
        service.abandon(id);
    }

    private Exception send(String uri, Map<String, String> options) {
        try {
            Endpoint endpoint = service.camel().getEndpoint(uri);
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, id);
            options.forEach(exchange.getMessage()::setHeader);
            Exchange result = service.producer().send(endpoint, exchange);
            return result.getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private List<SagaStep> snapshot() {
        synchronized (steps) {
            return new ArrayList<>(steps);
        }
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
