package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.platform.aws.OwnWrites;
import com.unicornstore.points.application.RebuildJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Rebuild jobs in the jobs table. One item, the slot, holds the job that runs or ran last, with its
 * owner (the instance running it) and lease: a job starts only when the slot holds none running,
 * every progress write is conditional on still owning it, and another instance takes it over once
 * the lease has run out. A finished job is also archived under its own id, kept for {@code keep}.
 */
final class DynamoRebuildJobs {

    static final String SLOT = "projection-rebuild";
    private static final Map<String, String> NAMES = Map.of("#state", "state", "#owner", "owner");

    /** The slot as read: the job and who holds it until when. */
    record Held(RebuildJob job, String owner, Instant leaseUntil) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final ObjectMapper json;
    private final Duration keep;

    DynamoRebuildJobs(DynamoDbClient dynamo, String table, ObjectMapper json, Duration keep) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.keep = keep;
    }

    /** Starts {@code job} for {@code owner} unless another runs: empty when started, else the running one. */
    Optional<RebuildJob> start(RebuildJob job, String owner, Instant leaseUntil) {
        try {
            UpdateItemRequest.Builder start = write(job, owner, leaseUntil);
            Map<String, AttributeValue> values = new HashMap<>(start.build().expressionAttributeValues());
            values.put(":running", s(RebuildJob.State.RUNNING.name()));
            dynamo.updateItem(start.expressionAttributeValues(values)
                    .conditionExpression("attribute_not_exists(#state) OR #state <> :running")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
            return Optional.empty();
        } catch (ConditionalCheckFailedException refused) {
            RebuildJob running = job(refused.item());
            // the SDK's retry of this very start, whose answer was lost
            return running.id().equals(job.id()) ? Optional.empty() : Optional.of(running);
        }
    }

    /** Records the job's progress (or end) and extends the lease; false when {@code owner} no longer holds it. */
    boolean save(RebuildJob job, String owner, Instant leaseUntil) {
        // a repeat after a lost answer meets the same condition and writes the same values
        return OwnWrites.update(dynamo, write(job, owner, leaseUntil)
                .conditionExpression("current_id = :id AND #owner = :owner")
                .build(), found -> false).isPresent();
    }

    /** Takes over the job the slot holds, if it is {@code jobId}, still running, and its lease ran out before {@code now}. */
    Optional<RebuildJob> takeOver(String jobId, String owner, Instant leaseUntil, Instant now) {
        Map<String, AttributeValue> values = Map.of(":owner", s(owner), ":lease", n(leaseUntil.toEpochMilli()),
                ":now", n(now.toEpochMilli()), ":id", s(jobId), ":running", s(RebuildJob.State.RUNNING.name()));
        return OwnWrites.update(dynamo, UpdateItemRequest.builder().tableName(table).key(key(SLOT))
                        .updateExpression("SET #owner = :owner, lease_until = :lease")
                        .conditionExpression("current_id = :id AND #state = :running AND lease_until < :now")
                        .expressionAttributeNames(NAMES).expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW).build(),
                found -> owner.equals(found.get("owner").s())
                        && Long.toString(leaseUntil.toEpochMilli()).equals(found.get("lease_until").n()))
                .map(this::job);
    }

    /** Gives the lease up at once, so another instance need not wait for it to run out. */
    void release(String jobId, String owner) {
        OwnWrites.update(dynamo, UpdateItemRequest.builder().tableName(table).key(key(SLOT))
                .updateExpression("SET lease_until = :zero")
                .conditionExpression("current_id = :id AND #owner = :owner")
                .expressionAttributeNames(Map.of("#owner", "owner"))
                .expressionAttributeValues(Map.of(":zero", n(0), ":id", s(jobId), ":owner", s(owner))).build(),
                found -> true);
    }

    Optional<Held> slot() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(SLOT)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Held(job(item), item.get("owner").s(),
                        Instant.ofEpochMilli(Attributes.number(item, "lease_until"))));
    }

    /** The job with this id: the slot's, or an archived one. */
    Optional<RebuildJob> find(String jobId) {
        Optional<RebuildJob> current = slot().map(Held::job).filter(job -> job.id().equals(jobId));
        if (current.isPresent()) {
            return current;
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(SLOT + "/" + jobId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(job(item));
    }

    /** Keeps a finished job under its own id (unconditional: a repeat writes the same job). */
    void archive(RebuildJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(SLOT + "/" + job.id()));
        item.put("job", s(text(job)));
        item.put("expires_at", n(job.updatedAt().plus(keep).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private UpdateItemRequest.Builder write(RebuildJob job, String owner, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":job", s(text(job)), ":id", s(job.id()),
                ":state", s(job.state().name()), ":owner", s(owner), ":lease", n(leaseUntil.toEpochMilli())));
        return UpdateItemRequest.builder().tableName(table).key(key(SLOT))
                .updateExpression("SET job = :job, current_id = :id, #state = :state, #owner = :owner, lease_until = :lease")
                .expressionAttributeNames(NAMES).expressionAttributeValues(values);
    }

    private String text(RebuildJob job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rebuild job " + job.id(), e);
        }
    }

    private RebuildJob job(Map<String, AttributeValue> item) {
        try {
            return json.readValue(Attributes.string(item, "job"), RebuildJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rebuild job in " + table, e);
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("job_id", s(id));
    }
}
