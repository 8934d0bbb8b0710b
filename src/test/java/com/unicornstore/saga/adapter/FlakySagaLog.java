package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The real saga log, except that the next N claims or transitions fail as if DynamoDB did not answer, before or after writing (tests only). */
final class FlakySagaLog implements SagaLog {

    private final SagaLog log;
    private final AtomicInteger claimFailures = new AtomicInteger();
    private final AtomicInteger transitionFailures = new AtomicInteger();
    private final AtomicInteger lostClaimAnswers = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    FlakySagaLog(SagaLog log) {
        this.log = log;
    }

    void failClaims(int times) {
        claimFailures.set(times);
    }

    /** The next N claims are written, but their answers are lost (the SDK gave up retrying). */
    void loseClaimAnswers(int times) {
        lostClaimAnswers.set(times);
    }

    void failTransitions(int times) {
        transitionFailures.set(times);
    }

    int injected() {
        return injected.get();
    }

    private void maybeFail(AtomicInteger failures) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            injected.incrementAndGet();
            throw SdkClientException.create("the saga log did not answer (injected)");
        }
    }

    @Override
    public Optional<SagaRecord> claim(String sagaId, Set<SagaState> from, SagaState to, String owner,
            Instant leaseUntil, String writeId) {
        maybeFail(claimFailures);
        Optional<SagaRecord> claimed = log.claim(sagaId, from, to, owner, leaseUntil, writeId);
        maybeFail(lostClaimAnswers);
        return claimed;
    }

    @Override
    public Optional<SagaRecord> claimRetracting(String sagaId, Set<SagaState> from, Retracted retracted, SagaState to,
            String owner, Instant leaseUntil, String writeId) {
        maybeFail(claimFailures);
        return log.claimRetracting(sagaId, from, retracted, to, owner, leaseUntil, writeId);
    }

    @Override
    public Optional<SagaRecord> transition(String sagaId, Set<SagaState> from, SagaState to) {
        maybeFail(transitionFailures);
        return log.transition(sagaId, from, to);
    }

    @Override
    public boolean create(String sagaId, String writeId, String owner, Instant leaseUntil) {
        return log.create(sagaId, writeId, owner, leaseUntil);
    }

    @Override
    public boolean appendStep(String sagaId, SagaStep step, String owner, Instant leaseUntil) {
        return log.appendStep(sagaId, step, owner, leaseUntil);
    }

    @Override
    public boolean appendStep(String sagaId, SagaStep step, String owner, Instant leaseUntil, String writeId) {
        return log.appendStep(sagaId, step, owner, leaseUntil, writeId);
    }

    @Override
    public Optional<SagaRecord> transition(String sagaId, Set<SagaState> from, SagaState to, String transitionId) {
        maybeFail(transitionFailures);
        return log.transition(sagaId, from, to, transitionId);
    }

    @Override
    public Optional<SagaRecord> fail(String sagaId, SagaState during) {
        return log.fail(sagaId, during);
    }

    @Override
    public Optional<SagaRecord> reopen(String sagaId, SagaState to, String owner, Instant leaseUntil, String writeId) {
        return log.reopen(sagaId, to, owner, leaseUntil, writeId);
    }

    @Override
    public Optional<SagaRecord> takeOver(String sagaId, String owner, Instant leaseUntil, Instant now) {
        return log.takeOver(sagaId, owner, leaseUntil, now);
    }

    @Override
    public boolean renewLease(String sagaId, String owner, Instant leaseUntil) {
        return log.renewLease(sagaId, owner, leaseUntil);
    }

    @Override
    public void recordFailure(String sagaId, int attempts, String error) {
        log.recordFailure(sagaId, attempts, error);
    }

    @Override
    public void recordFailure(String sagaId, int attempts, String error, int stepsDone) {
        log.recordFailure(sagaId, attempts, error, stepsDone);
    }

    @Override
    public Optional<SagaRecord> find(String sagaId) {
        return log.find(sagaId);
    }

    @Override
    public boolean closeIfNeverBegun(String sagaId, java.time.Instant now) {
        return log.closeIfNeverBegun(sagaId, now);
    }

    @Override
    public List<SagaRecord> findAbandoned(Instant now) {
        return log.findAbandoned(now);
    }
}
