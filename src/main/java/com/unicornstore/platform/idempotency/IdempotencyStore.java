package com.unicornstore.platform.idempotency;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency keys in DynamoDB (table {@code unicorn.tables.idempotency}, key {@code idempotency_key}).
 * A key is claimed with one conditional put that returns the existing item when it loses, so a
 * first request costs one write to claim and one to store its response. A claim whose request
 * never finished (a crashed instance) can be taken over once its lease has run out.
 */
public final class IdempotencyStore {

    private static final String KEY = "idempotency_key";
    /** DynamoDB's TTL attribute: a key is remembered for its retention, then forgotten. */
    public static final String EXPIRES_AT = "expires_at";

    /** What a claim found. */
    public enum Outcome { CLAIMED, REPLAY, OTHER_REQUEST, IN_PROGRESS }

    /** The outcome, with the first response when it is a replay. */
    public record Claim(Outcome outcome, StoredResponse response) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;

    /**
     * @param retention how long a key is remembered: longer than any retry of its request, so the
     *        table does not grow without end (unicorn.idempotency.retention)
     */
    public IdempotencyStore(DynamoDbClient dynamo, String table, Clock clock, Duration lease, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.lease = lease;
        this.retention = retention;
    }

    /** @param fingerprint what identifies the request (operation and body): the same key with another one is refused */
    public Claim claim(String key, String fingerprint) {
        return claim(key, fingerprint, 3);
    }

    private Claim claim(String key, String fingerprint, int triesLeft) {
        long now = clock.millis();
        Map<String, AttributeValue> item = Map.of(KEY, s(key), "fingerprint", s(fingerprint), "state", s("pending"),
                "claimed_at", n(now), EXPIRES_AT, n((now + retention.toMillis()) / 1000));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", KEY))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim(Outcome.CLAIMED, null);
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() && !taken.item().isEmpty() ? taken.item()
                    : dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(KEY, s(key)))).item();
            if (existing == null || existing.isEmpty()) {
                // released between our put and our read: try again, a few times at most
                if (triesLeft <= 1) {
                    return new Claim(Outcome.IN_PROGRESS, null);
                }
                return claim(key, fingerprint, triesLeft - 1);
            }
            return judge(fingerprint, existing, item, now);
        }
    }

    public void complete(String key, StoredResponse response) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of(KEY, s(key)))
                .updateExpression("SET #state = :done, #status = :status, #type = :type, #body = :body")
                .expressionAttributeNames(Map.of("#state", "state", "#status", "status", "#type", "content_type",
                        "#body", "body"))
                .expressionAttributeValues(Map.of(":done", s("done"), ":status", n(response.status()),
                        ":type", s(response.contentType()), ":body", s(response.body()))));
    }

    /** Gives up a claim whose request failed, so a retry runs it again. */
    public void release(String key) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, s(key)))
                    .conditionExpression("#state = :pending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":pending", s("pending"))));
        } catch (ConditionalCheckFailedException alreadyDone) {
            // completed meanwhile, or released: either way nothing to undo
        }
    }

    private Claim judge(String fingerprint, Map<String, AttributeValue> existing, Map<String, AttributeValue> item,
            long now) {
        if (!fingerprint.equals(existing.get("fingerprint").s())) {
            return new Claim(Outcome.OTHER_REQUEST, null);
        }
        if ("done".equals(existing.get("state").s())) {
            return new Claim(Outcome.REPLAY, new StoredResponse(Integer.parseInt(existing.get("status").n()),
                    existing.get("content_type").s(), existing.get("body").s()));
        }
        long claimedAt = Long.parseLong(existing.get("claimed_at").n());
        if (now - claimedAt < lease.toMillis()) {
            return new Claim(Outcome.IN_PROGRESS, null);
        }
        return takeOver(item, claimedAt);
    }

    private Claim takeOver(Map<String, AttributeValue> item, long claimedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":then", n(claimedAt));
        values.put(":pending", s("pending"));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#at = :then AND #state = :pending")
                    .expressionAttributeNames(Map.of("#at", "claimed_at", "#state", "state"))
                    .expressionAttributeValues(values));
            return new Claim(Outcome.CLAIMED, null);
        } catch (ConditionalCheckFailedException someoneElse) {
            return new Claim(Outcome.IN_PROGRESS, null);
        }
    }

}
