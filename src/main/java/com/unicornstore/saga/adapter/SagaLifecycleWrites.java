package com.unicornstore.saga.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;

import com.unicornstore.platform.aws.OwnWrites;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The saga log's writes of a saga's life (create, claim, fail, reopen, failed attempts). Each that
 * can be refused knows its own outcome: it carries {@code write_id}, and a refusal whose old item
 * (ALL_OLD) shows this very write is the SDK's retry of a write whose reply was lost, so a success.
 */
final class SagaLifecycleWrites {

    private static final String WRITE_ID = "write_id";
    private static final Map<String, String> NAMES = Map.of("#state", "state", "#owner", "owner");

    private final DynamoDbClient dynamo;
    private final String table;

    SagaLifecycleWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    boolean create(String sagaId, String writeId, String owner, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(sagaId));
        item.put("state", s(SagaState.RUNNING.name()));
        item.put("owner", s(owner));
        item.put("lease_until", n(leaseUntil.toEpochMilli()));
        item.put("attempts", n(0));
        item.put("steps", AttributeValue.fromL(List.of()));
        item.put("open_shard", s(DynamoDbSagaLog.shardOf(sagaId)));
        item.put("updated_at", s(Instant.now().toString()));
        item.put(WRITE_ID, s(writeId));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(saga_id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return refused.hasItem() && wroteBy(writeId).test(refused.item());
        }
    }

    Optional<SagaRecord> claim(String sagaId, Set<SagaState> from, SagaState to, String owner, Instant leaseUntil,
            String writeId) {
        return claim(sagaId, from, null, to, owner, leaseUntil, writeId);
    }

    /**
     * A claim from one of {@code from}, or from {@code retracted} while the record still shows
     * {@code retracted}'s own claim (its state, write id and owner unchanged since).
     */
    Optional<SagaRecord> claim(String sagaId, Set<SagaState> from, SagaLog.Retracted retracted, SagaState to,
            String owner, Instant leaseUntil, String writeId) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        for (SagaState state : from) {
            String name = ":from" + allowed.size();
            values.put(name, s(state.name()));
            allowed.add(name);
        }
        values.putAll(Map.of(":to", s(to.name()), ":owner", s(owner), ":lease", n(leaseUntil.toEpochMilli()),
                ":now", s(Instant.now().toString()), ":write", s(writeId)));
        String condition = "#state IN (" + String.join(", ", allowed) + ")";
        if (retracted != null) {
            values.putAll(Map.of(":retracted", s(retracted.state().name()), ":retractedWrite", s(retracted.writeId())));
            condition += " OR (#state = :retracted AND " + WRITE_ID + " = :retractedWrite AND #owner = :owner)";
        }
        return update(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET #state = :to, #owner = :owner, lease_until = :lease, updated_at = :now, "
                        + WRITE_ID + " = :write")
                .conditionExpression(condition)
                .expressionAttributeNames(NAMES).expressionAttributeValues(values), wroteBy(writeId));
    }

    Optional<SagaRecord> fail(String sagaId, SagaState during) {
        // no expires_at: a FAILED saga still holds what its steps took
        return update(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET #state = :failed, failed_during = :during, updated_at = :now, "
                        + SagaCensus.FAILED_SHARD + " = :shard REMOVE open_shard, expires_at")
                .conditionExpression("#state = :during")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":failed", s(SagaState.FAILED.name()), ":during", s(during.name()),
                        ":now", s(Instant.now().toString()), ":shard", s(DynamoDbSagaLog.shardOf(sagaId)))),
                old -> SagaState.FAILED.name().equals(old.get("state").s()) && old.containsKey("failed_during")
                        && during.name().equals(old.get("failed_during").s()));
    }

    Optional<SagaRecord> reopen(String sagaId, SagaState to, String owner, Instant leaseUntil, String writeId) {
        return update(UpdateItemRequest.builder().tableName(table).key(key(sagaId))
                .updateExpression("SET #state = :to, #owner = :owner, lease_until = :lease, attempts = :zero, "
                        + "steps_done = :zero, open_shard = :shard, updated_at = :now, " + WRITE_ID + " = :write "
                        + "REMOVE failed_during, expires_at, " + SagaCensus.FAILED_SHARD)
                .conditionExpression("#state = :failed")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":to", s(to.name()), ":owner", s(owner),
                        ":lease", n(leaseUntil.toEpochMilli()), ":zero", n(0),
                        ":shard", s(DynamoDbSagaLog.shardOf(sagaId)), ":now", s(Instant.now().toString()),
                        ":write", s(writeId), ":failed", s(SagaState.FAILED.name()))),
                wroteBy(writeId));
    }

    /** Unconditional: a repeated write of the same attempt writes the same values. */
    void recordFailure(String sagaId, int attempts, String error, int stepsDone) {
        dynamo.updateItem(b -> b.tableName(table).key(key(sagaId))
                .updateExpression("SET attempts = :attempts, last_error = :error, steps_done = :done, updated_at = :now")
                .expressionAttributeValues(Map.of(":attempts", n(attempts), ":done", n(stepsDone),
                        ":error", s(error == null ? "unknown" : error), ":now", s(Instant.now().toString()))));
    }

    private Optional<SagaRecord> update(UpdateItemRequest.Builder request, Predicate<Map<String, AttributeValue>> own) {
        return OwnWrites.update(dynamo, request.returnValues(ReturnValue.ALL_NEW).build(), own).map(SagaItems::record);
    }

    private static Predicate<Map<String, AttributeValue>> wroteBy(String writeId) {
        return OwnWrites.carries(WRITE_ID, writeId);
    }

    private static Map<String, AttributeValue> key(String sagaId) {
        return Map.of("saga_id", s(sagaId));
    }
}
