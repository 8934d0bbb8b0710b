package com.unicornstore.saga.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The durable saga log. Every change is a single-item conditional write, so any number of
 * instances can share it: the first to make a transition wins, the others see it refused. Each
 * write carries its own identity ({@code writeId}): when its answer is lost and it is sent again,
 * it finds itself in the log and counts as done, never as someone else's move.
 */
public interface SagaLog {

    /** The refusal code of a new saga whose id another saga already has (a concurrent request began it). */
    String ID_IN_USE = "saga-exists";

    /**
     * Creates a new saga's record, RUNNING and owned by {@code owner}, before it has any step.
     * {@code writeId} identifies this very write, so a retried write whose first reply was lost is
     * recognised. False when the id belongs to another saga already.
     */
    boolean create(String sagaId, String writeId, String owner, Instant leaseUntil);

    /** A fresh write identity: unique, so only a repeat of that very write can match it. */
    static String newWriteId() {
        return UUID.randomUUID().toString();
    }

    /** Adds a step to a running saga (creating its record with the first step if need be). False when the saga is no longer running. */
    default boolean appendStep(String sagaId, SagaStep step, String owner, Instant leaseUntil) {
        return appendStep(sagaId, step, owner, leaseUntil, newWriteId());
    }

    /** As {@link #appendStep(String, SagaStep, String, Instant)}; a repeat with the same {@code writeId} adds nothing more and is true. */
    boolean appendStep(String sagaId, SagaStep step, String owner, Instant leaseUntil, String writeId);

    /** Moves the saga from one of {@code from} to {@code to}; empty when it was in none of them (someone else moved it). */
    default Optional<SagaRecord> transition(String sagaId, Set<SagaState> from, SagaState to) {
        return transition(sagaId, from, to, newWriteId());
    }

    /**
     * Claims the saga for {@code owner}, moving it from one of {@code from} to {@code to} and extending
     * its lease (one conditional write, recognised as its own by {@code writeId}); empty when it was in
     * none of them. The record returned is the log's, steps included.
     */
    Optional<SagaRecord> claim(String sagaId, Set<SagaState> from, SagaState to, String owner, Instant leaseUntil,
            String writeId);

    /**
     * As {@link #claim}, and also from the state of an earlier claim by the same owner whose answer
     * never came ({@code retracted}), as long as the record still shows that very claim: the earlier
     * claim is taken back before anything acted on it, whether or not it was written.
     */
    Optional<SagaRecord> claimRetracting(String sagaId, Set<SagaState> from, Retracted retracted, SagaState to,
            String owner, Instant leaseUntil, String writeId);

    /** A claim this owner made without learning whether it was written: the state it claimed and its write id. */
    record Retracted(SagaState state, String writeId) {}

    /**
     * Moves the saga from {@code during} to FAILED, keeping the direction that failed. It gets no
     * expiry and leaves the open index: it still holds what its steps took, until an operator repairs it.
     */
    Optional<SagaRecord> fail(String sagaId, SagaState during);

    /** Reopens a FAILED saga into {@code to} for {@code owner}, with a fresh retry budget; empty when it is not FAILED. */
    Optional<SagaRecord> reopen(String sagaId, SagaState to, String owner, Instant leaseUntil, String writeId);

    /**
     * As {@link #transition(String, Set, SagaState)}; a repeat with the same {@code transitionId} (its
     * first answer lost) returns the record this transition made, so the caller goes on with its work.
     */
    Optional<SagaRecord> transition(String sagaId, Set<SagaState> from, SagaState to, String transitionId);

    /**
     * Takes an open saga whose lease ran out; empty when it is not open, not expired, or another
     * instance took it first. The owner and lease written are the take-over's identity.
     */
    Optional<SagaRecord> takeOver(String sagaId, String owner, Instant leaseUntil, Instant now);

    /** Extends this owner's lease; false when the saga is no longer this owner's. Repeating it is harmless. */
    boolean renewLease(String sagaId, String owner, Instant leaseUntil);

    /** Records a failed compensation or completion attempt, for operators and for the retry budget. */
    void recordFailure(String sagaId, int attempts, String error);

    /** Like {@link #recordFailure(String, int, String)}, with how many steps (last first) the direction had done. */
    void recordFailure(String sagaId, int attempts, String error, int stepsDone);

    Optional<SagaRecord> find(String sagaId);

    /** The records of those of {@code sagaIds} that have one, by id (a log may read them in batches). */
    default Map<String, SagaRecord> findAll(Set<String> sagaIds) {
        Map<String, SagaRecord> found = new HashMap<>();
        sagaIds.forEach(id -> find(id).ifPresent(record -> found.put(id, record)));
        return found;
    }

    /**
     * Records a saga that never got a record as COMPENSATED with no steps, so that it can no longer
     * begin (a late first step is refused). False when the saga has a record of its own.
     */
    boolean closeIfNeverBegun(String sagaId, Instant now);

    /**
     * Open sagas whose owner stopped renewing the lease before {@code now}, in the next part of the
     * log: a call may look at one part only (a recovery sweep's cost), every part within a bounded
     * number of calls (the adapter says how many).
     */
    List<SagaRecord> findAbandoned(Instant now);
}
