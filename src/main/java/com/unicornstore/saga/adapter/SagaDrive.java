package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One saga driven in one direction (complete or compensate) to its end, from the steps its log
 * records: claim (RUNNING to COMPLETING or COMPENSATING), the steps' actions last step first, then
 * the end state. Whatever fails, an action or a write to the log, is tried again later by the
 * service itself; past the retry budget of its actions the saga is FAILED. Nothing here relies on
 * Camel noticing an exception.
 */
final class SagaDrive {

    private static final Logger LOG = LoggerFactory.getLogger(SagaDrive.class);

    /** A way to end a saga: the state while on the way, the state at the end, and each step's action for it. */
    enum Direction {
        COMPLETE(SagaState.COMPLETING, SagaState.COMPLETED, SagaStep::completion),
        COMPENSATE(SagaState.COMPENSATING, SagaState.COMPENSATED, SagaStep::compensation);

        final SagaState during;
        final SagaState end;
        final Function<SagaStep, String> action;

        Direction(SagaState during, SagaState end, Function<SagaStep, String> action) {
            this.during = during;
            this.end = end;
            this.action = action;
        }

        static Direction during(SagaState state) {
            return state == SagaState.COMPLETING ? COMPLETE : COMPENSATE;
        }
    }

    private enum Phase { CLAIM, ACTIONS, RECORD_FAILURE, END, FAIL, DONE }

    private final DurableSagaService service;
    private final DurableSagaCoordinator saga;
    private String writeId = UUID.randomUUID().toString();
    /** A completion claim whose answer never came, taken back by this drive's compensation claim. */
    private SagaLog.Retracted retracted;
    private final CompletableFuture<Void> claimed = new CompletableFuture<>();
    private Direction direction;
    private Phase phase;
    private List<SagaStep> lastFirst = List.of();
    private int index;
    private int attempts;
    private int logFailures;
    private String error;
    private SagaState outcome;

    private SagaDrive(DurableSagaService service, DurableSagaCoordinator saga, Direction direction, Phase phase) {
        this.service = service;
        this.saga = saga;
        this.direction = direction;
        this.phase = phase;
    }

    /** A drive that first claims the RUNNING saga for {@code direction}. */
    static SagaDrive claiming(DurableSagaService service, DurableSagaCoordinator saga, Direction direction) {
        return new SagaDrive(service, saga, direction, Phase.CLAIM);
    }

    /** A drive of a saga this instance already holds in COMPLETING or COMPENSATING (taken over, reopened). */
    static SagaDrive resuming(DurableSagaService service, DurableSagaCoordinator saga, SagaRecord record) {
        SagaDrive drive = new SagaDrive(service, saga, Direction.during(record.state()), Phase.ACTIONS);
        drive.adopt(record);
        drive.attempts = record.attempts();
        drive.claimed.complete(null);
        return drive;
    }

    DurableSagaCoordinator saga() {
        return saga;
    }

    Direction direction() {
        return direction;
    }

    /** How the claim went, for Camel: done once the saga is this drive's (or already on its way), failed otherwise. */
    CompletableFuture<Void> claimed() {
        return claimed;
    }

    /** Runs on the calling thread until the saga ends or the drive has to wait; then it is scheduled again. */
    synchronized void run() {
        while (phase != Phase.DONE) {
            if (saga.isLost() || service.handingOver()) {
                LOG.warn("Saga {} is another instance's now (taken over, or handed over as this one stops); "
                        + "this one stops driving it", saga.getId());
                claimed.completeExceptionally(new IllegalStateException(
                        "Saga " + saga.getId() + " is driven by another instance")); // unless Camel was answered
                saga.driveEnded(this);
                return;
            }
            Duration wait;
            try {
                wait = advance();
                logFailures = 0;
            } catch (RuntimeException logDidNotAnswer) {
                wait = logFailed(logDidNotAnswer);
            }
            if (wait != null) {
                service.driveLater(this, wait);
                return;
            }
        }
        // untracked first: a renewal pass that then finds the saga undriven knows it ended, not that it was left
        service.finished(saga.getId(), outcome);
        saga.driveEnded(this);
    }

    /** Does the current phase; a delay when the next attempt must wait, null to go on at once. */
    private Duration advance() {
        return switch (phase) {
            case CLAIM -> claim();
            case ACTIONS -> actions();
            case RECORD_FAILURE -> recordFailure();
            case END -> end();
            case FAIL -> fail();
            case DONE -> null;
        };
    }

    private Duration claim() {
        SagaLog log = service.log();
        var won = retracted == null
                ? log.claim(saga.getId(), EnumSet.of(SagaState.RUNNING), direction.during, service.instanceId(),
                        service.leaseUntil(), writeId)
                : log.claimRetracting(saga.getId(), EnumSet.of(SagaState.RUNNING), retracted, direction.during,
                        service.instanceId(), service.leaseUntil(), writeId);
        if (won.isPresent()) {
            adopt(won.get());
            claimed.complete(null);
            return null;
        }
        SagaRecord now = log.find(saga.getId()).orElse(null);
        if (now == null || now.state() == direction.during || now.state() == direction.end) {
            claimed.complete(null); // nothing recorded, or another call or instance already ends it this way
        } else {
            claimed.completeExceptionally(new IllegalStateException(
                    "Saga " + saga.getId() + " cannot move to " + direction.during + ": it is " + now.state()));
        }
        outcome = now == null ? direction.end : now.state();
        phase = Phase.DONE;
        return null;
    }

    /** Takes the steps from the log, not from memory: whoever began the saga, the log has every step. */
    private void adopt(SagaRecord record) {
        direction = Direction.during(record.state()); // the log is the truth, even after a lost reply
        List<SagaStep> steps = new ArrayList<>(record.steps());
        Collections.reverse(steps);
        lastFirst = steps;
        index = 0;
        phase = Phase.ACTIONS;
        service.track(saga);
    }

    private Duration actions() {
        while (index < lastFirst.size()) {
            SagaStep step = lastFirst.get(index);
            String uri = direction.action.apply(step);
            Exception failure = uri == null ? null : send(uri, step.options());
            if (failure != null) {
                attempts++;
                error = uri + ": " + failure;
                phase = Phase.RECORD_FAILURE;
                return null;
            }
            index++;
        }
        phase = Phase.END;
        return null;
    }

    private Duration recordFailure() {
        service.log().recordFailure(saga.getId(), attempts, error, index);
        if (service.retry().exhausted(attempts)) {
            LOG.error("Saga {} FAILED after {} attempts towards {}: {}", saga.getId(), attempts, direction.end, error);
            phase = Phase.FAIL;
            return null;
        }
        phase = Phase.ACTIONS;
        Duration delay = service.retry().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble);
        LOG.warn("Saga {} attempt {} towards {} failed ({}); retrying in {}", saga.getId(), attempts, direction.end,
                error, delay);
        return delay;
    }

    private Duration end() {
        var ended = service.log().transition(saga.getId(), EnumSet.of(direction.during), direction.end);
        outcome = ended.isPresent() ? direction.end
                : service.log().find(saga.getId()).map(SagaRecord::state).orElse(direction.end);
        phase = Phase.DONE;
        return null;
    }

    private Duration fail() {
        var failed = service.log().fail(saga.getId(), direction.during);
        outcome = failed.isPresent() ? SagaState.FAILED
                : service.log().find(saga.getId()).map(SagaRecord::state).orElse(SagaState.FAILED);
        phase = Phase.DONE;
        return null;
    }

    /**
     * The log did not answer: the same phase again later, without end (a backend outage is waited
     * out, and the lease stays this instance's meanwhile). A completion whose claim got no answer
     * may or may not be written: its caller is told it failed, so the saga is compensated instead,
     * by a claim that also takes back the unanswered one if it was written (nothing acted on it).
     */
    private Duration logFailed(RuntimeException cause) {
        if (phase == Phase.CLAIM && !claimed.isDone()) {
            if (direction == Direction.COMPLETE) {
                direction = Direction.COMPENSATE;
                retracted = new SagaLog.Retracted(Direction.COMPLETE.during, writeId);
                writeId = UUID.randomUUID().toString();
                claimed.completeExceptionally(cause);
            } else {
                claimed.complete(null);
            }
        }
        logFailures++;
        Duration delay = service.retry().delayAfter(logFailures, ThreadLocalRandom.current()::nextDouble);
        LOG.warn("Saga {}: the saga log did not answer in {} towards {} ({}); trying again in {}", saga.getId(), phase,
                direction.end, cause.toString(), delay);
        return delay;
    }

    private Exception send(String uri, Map<String, String> options) {
        try {
            Endpoint endpoint = service.camel().getEndpoint(uri);
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setHeader(Exchange.SAGA_LONG_RUNNING_ACTION, saga.getId());
            options.forEach(exchange.getMessage()::setHeader);
            Exchange result = service.producer().send(endpoint, exchange);
            return result.getException();
        } catch (RuntimeException e) {
            return e;
        }
    }
}
