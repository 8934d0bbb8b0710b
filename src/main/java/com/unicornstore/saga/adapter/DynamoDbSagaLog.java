package com.unicornstore.saga.adapter;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import com.unicornstore.platform.aws.BatchGets;
import com.unicornstore.platform.aws.IndexShards;
import com.unicornstore.platform.aws.OwnWrites;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The saga log in DynamoDB: one item per saga (key {@code saga_id}), changed only by single-item
 * conditional writes. A saga costs one write per step, one per state transition. An open saga
 * carries {@code open_shard}, the key of the sparse index {@value #OPEN_INDEX} that recovery
 * queries (one shard per sweep, in turn, lease first) instead of scanning; a finished one loses it and gets an
 * {@code expires_at} for DynamoDB's TTL, so the log does not grow without end.
 */
public final class DynamoDbSagaLog implements SagaLog {

    /** Sparse index of open sagas: partition {@code open_shard}, sort {@code lease_until}. */
    public static final String OPEN_INDEX = "open-by-lease";
    /** Spreads open sagas over a few index partitions, so none gets hot; recovery sweeps one per round. */
    public static final int SHARDS = 8;

    /** The identity of the last step appended, and of the last transition made: how a repeated write knows itself. */
    static final String LAST_STEP = "last_step";
    static final String LAST_TRANSITION = "last_transition";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final SagaLifecycleWrites lifecycle;
    private final IndexShards.Rotation sweep;

    /** {@code shardsPerSweep}: the index shards each {@link #findAbandoned} queries, in turn. */
    public DynamoDbSagaLog(DynamoDbClient dynamo, String table, Duration retention, int shardsPerSweep) {
        this.sweep = new IndexShards.Rotation(SHARDS, shardsPerSweep);
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.lifecycle = new SagaLifecycleWrites(dynamo, table);
    }

    static String shardOf(String sagaId) {
        return IndexShards.of(sagaId, SHARDS);
    }

    @Override
    public boolean create(String sagaId, String writeId, String owner, Instant leaseUntil) {
        return lifecycle.create(sagaId, writeId, owner, leaseUntil);
    }

    @Override
    public Optional<SagaRecord> claim(String sagaId, Set<SagaState> from, SagaState to, String owner,
            Instant leaseUntil, String writeId) {
        return lifecycle.claim(sagaId, from, to, owner, leaseUntil, writeId);
    }

    @Override
    public Optional<SagaRecord> claimRetracting(String sagaId, Set<SagaState> from, Retracted retracted, SagaState to,
            String owner, Instant leaseUntil, String writeId) {
        return lifecycle.claim(sagaId, from, retracted, to, owner, leaseUntil, writeId);
    }

    @Override
    public Optional<SagaRecord> fail(String sagaId, SagaState during) {
        return lifecycle.fail(sagaId, during);
    }

    @Override
    public Optional<SagaRecord> reopen(String sagaId, SagaState to, String owner, Instant leaseUntil, String writeId) {
        return lifecycle.reopen(sagaId, to, owner, leaseUntil, writeId);
    }

    @Override
    public void recordFailure(String sagaId, int attempts, String error, int stepsDone) {
        lifecycle.recordFailure(sagaId, attempts, error, stepsDone);
    }

    @Override
    public boolean appendStep(String sagaId, SagaStep step, String owner, Instant leaseUntil, String writeId) {
        return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET steps = list_append(if_not_exists(steps, :empty), :step), "
                        + "#state = if_not_exists(#state, :running), #owner = if_not_exists(#owner, :owner), "
                        + "lease_until = if_not_exists(lease_until, :lease), attempts = if_not_exists(attempts, :zero), "
                        + "open_shard = if_not_exists(open_shard, :shard), updated_at = :now, " + LAST_STEP + " = :write")
                // the second half refuses a repeat of this very append, which must not add the step twice
                .conditionExpression("(attribute_not_exists(saga_id) OR #state = :running) AND "
                        + "(attribute_not_exists(" + LAST_STEP + ") OR " + LAST_STEP + " <> :write)")
                .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                .expressionAttributeValues(Map.of(
                        ":write", s(writeId),
                        ":empty", AttributeValue.fromL(List.of()),
                        ":step", AttributeValue.fromL(List.of(SagaItems.step(step))),
                        ":running", s(SagaState.RUNNING.name()),
                        ":owner", s(owner),
                        ":lease", n(leaseUntil.toEpochMilli()),
                        ":zero", n(0),
                        ":shard", s(shardOf(sagaId)),
                        ":now", s(Instant.now().toString())))
                .build(), found -> writeId.equals(string(found, LAST_STEP))).isPresent();
    }

    @Override
    public Optional<SagaRecord> transition(String sagaId, Set<SagaState> from, SagaState to, String transitionId) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        int i = 0;
        for (SagaState state : from) {
            values.put(":from" + i, s(state.name()));
            allowed.add(":from" + i++);
        }
        values.put(":to", s(to.name()));
        values.put(":now", s(Instant.now().toString()));
        values.put(":transition", s(transitionId));
        String update = "SET #state = :to, updated_at = :now, " + LAST_TRANSITION + " = :transition";
        if (to.isFinal()) {
            values.put(":expires", n(Instant.now().plus(retention).getEpochSecond()));
            update += ", expires_at = :expires REMOVE open_shard";
        }
        return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression(update)
                .conditionExpression("#state IN (" + String.join(", ", allowed) + ")")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build(), found -> transitionId.equals(string(found, LAST_TRANSITION))).map(SagaItems::record);
    }

    @Override
    public Optional<SagaRecord> takeOver(String sagaId, String owner, Instant leaseUntil, Instant now) {
        return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET #owner = :owner, lease_until = :lease, updated_at = :now")
                .conditionExpression("lease_until < :nowMillis AND #state IN (:running, :completing, :compensating)")
                .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                .expressionAttributeValues(Map.of(
                        ":owner", s(owner),
                        ":lease", n(leaseUntil.toEpochMilli()),
                        ":nowMillis", n(now.toEpochMilli()),
                        ":now", s(now.toString()),
                        ":running", s(SagaState.RUNNING.name()),
                        ":completing", s(SagaState.COMPLETING.name()),
                        ":compensating", s(SagaState.COMPENSATING.name())))
                .returnValues(ReturnValue.ALL_NEW)
                .build(), found -> owner.equals(string(found, "owner"))
                        && Long.toString(leaseUntil.toEpochMilli()).equals(number(found, "lease_until")))
                .map(SagaItems::record);
    }

    @Override
    public boolean renewLease(String sagaId, String owner, Instant leaseUntil) {
        return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET lease_until = :lease")
                .conditionExpression("#owner = :owner")
                .expressionAttributeNames(Map.of("#owner", "owner"))
                .expressionAttributeValues(Map.of(":owner", s(owner), ":lease", n(leaseUntil.toEpochMilli())))
                .build(), found -> false).isPresent(); // a repeat of a renewal meets its own condition again
    }

    @Override
    public void recordFailure(String sagaId, int attempts, String error) {
        dynamo.updateItem(b -> b.tableName(table).key(key(sagaId))
                .updateExpression("SET attempts = :attempts, last_error = :error, updated_at = :now")
                .expressionAttributeValues(Map.of(":attempts", n(attempts),
                        ":error", s(error == null ? "unknown" : error), ":now", s(Instant.now().toString()))));
    }

    @Override
    public Optional<SagaRecord> find(String sagaId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(sagaId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SagaItems.record(item));
    }

    /** One BatchGetItem per 100 sagas (plus a resend, with backoff, of any keys DynamoDB left unprocessed); consistent reads. */
    @Override
    public Map<String, SagaRecord> findAll(Set<String> sagaIds) {
        Map<String, SagaRecord> found = new HashMap<>();
        List<String> ids = List.copyOf(sagaIds);
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(DynamoDbSagaLog::key).toList();
            BatchGets.DEFAULT.each(dynamo, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(),
                    item -> found.put(item.get("saga_id").s(), SagaItems.record(item)));
        }
        return found;
    }

    /** The next index shards in turn, a Query each: every shard within {@value #SHARDS} / shards-per-sweep calls. */
    @Override
    public List<SagaRecord> findAbandoned(Instant now) {
        List<SagaRecord> found = new ArrayList<>();
        for (String partition : sweep.next()) {
            dynamo.queryPaginator(b -> b.tableName(table).indexName(OPEN_INDEX)
                            .keyConditionExpression("open_shard = :shard AND lease_until < :now")
                            .expressionAttributeValues(Map.of(":shard", s(partition), ":now", n(now.toEpochMilli()))))
                    .items().forEach(item -> found.add(SagaItems.record(item)));
        }
        return found;
    }

    @Override
    public boolean closeIfNeverBegun(String sagaId, Instant now) {
        Map<String, AttributeValue> item = Map.of("saga_id", s(sagaId), "state", s(SagaState.COMPENSATED.name()),
                "lease_until", n(now.toEpochMilli()), "attempts", n(0), "updated_at", s(now.toString()),
                "never_begun", AttributeValue.fromBool(true),
                "expires_at", n(now.plus(retention).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(saga_id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            // our own put, retried by the SDK after its answer was lost, is recognised by its marker
            Map<String, AttributeValue> old = exists.item();
            return old != null && old.containsKey("never_begun") && !old.containsKey("steps");
        }
    }

    /**
     * The item's new attributes (empty map unless asked for), or empty when the condition refused the
     * write, unless the item found is this very write's work (its answer was lost and the SDK sent it
     * again): then that item, as the write left it.
     */
    private Optional<Map<String, AttributeValue>> conditionalUpdate(UpdateItemRequest request,
            Predicate<Map<String, AttributeValue>> isThisWrite) {
        return OwnWrites.update(dynamo, request, isThisWrite);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.n();
    }

    private static Map<String, AttributeValue> key(String sagaId) {
        return Map.of("saga_id", s(sagaId));
    }

}
