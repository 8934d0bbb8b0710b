package com.unicornstore.platform.idempotency;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
    /** Unique per claim: the claim's own write, retried by the SDK after a lost reply, finds it and knows itself. */
    private static final String TOKEN = "claim_token";
    /** DynamoDB's TTL attribute: a key is remembered for its retention, then forgotten. */
    public static final String EXPIRES_AT = "expires_at";

    /** Counter of replayed claims (an HTTP retry answered from its stored response, a redelivered message ignored). */
    public static final String REPLAYS = "unicorn.idempotent.replays";

    /** Set once at wiring (see {@link #countingReplaysIn}); null counts nothing. */
    private volatile Function<String, Counter> replays;

    /** What a claim found. */
    public enum Outcome { CLAIMED, REPLAY, OTHER_REQUEST, IN_PROGRESS }

    /**
     * The outcome, with the first response when it is a replay, and the claim's own token when it is
     * claimed: the identity by which a write recognises itself after a lost reply.
     */
    public record Claim(Outcome outcome, StoredResponse response, String token) {}

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

    /** The same table, remembering keys for {@code longer}: queue consumers, whose messages a queue and its DLQ keep for days. */
    public IdempotencyStore withRetention(Duration longer) {
        return new IdempotencyStore(dynamo, table, clock, lease, longer);
    }

    /** @param fingerprint what identifies the request (operation and body): the same key with another one is refused */
    public Claim claim(String key, String fingerprint) {
        Claim claim = claim(key, fingerprint, 3);
        if (claim.outcome() == Outcome.REPLAY && replays != null) {
            // the namespace ("http", "points-command", ...) is the key's prefix: a bounded set of tags
            replays.apply(key.substring(0, Math.max(0, key.indexOf(':')))).increment();
        }
        return claim;
    }

    /** Counts each replayed claim as {@value #REPLAYS}, tagged with its key's namespace. */
    public IdempotencyStore countingReplaysIn(MeterRegistry registry) {
        this.replays = namespace -> Counter.builder(REPLAYS).tag("namespace", namespace.isEmpty() ? "none" : namespace)
                .description("Requests and messages answered from an earlier identical one").register(registry);
        return this;
    }

    private Claim claim(String key, String fingerprint, int triesLeft) {
        long now = clock.millis();
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(KEY, s(key), "fingerprint", s(fingerprint), "state", s("pending"),
                "claimed_at", n(now), TOKEN, s(token), EXPIRES_AT, n((now + retention.toMillis()) / 1000));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", KEY))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return claimed(token);
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() && !taken.item().isEmpty() ? taken.item()
                    : dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(KEY, s(key)))).item();
            if (existing == null || existing.isEmpty()) {
                // released between our put and our read: try again, a few times at most
                if (triesLeft <= 1) {
                    return new Claim(Outcome.IN_PROGRESS, null, null);
                }
                return claim(key, fingerprint, triesLeft - 1);
            }
            if (isOurs(existing, token)) {
                return claimed(token); // our put landed, its answer was lost and the SDK sent it again
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

    /** Gives up a claim whose request failed, so a retry runs it again; only this claim, never one taken over since. */
    public void release(String key, String token) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, s(key)))
                    .conditionExpression("#state = :pending AND #token = :token")
                    .expressionAttributeNames(Map.of("#state", "state", "#token", TOKEN))
                    .expressionAttributeValues(Map.of(":pending", s("pending"), ":token", s(token))));
        } catch (ConditionalCheckFailedException alreadyDone) {
            // completed meanwhile, released (perhaps by this very delete, answered too late), or taken over
        }
    }

    private Claim judge(String fingerprint, Map<String, AttributeValue> existing, Map<String, AttributeValue> item,
            long now) {
        if (!fingerprint.equals(existing.get("fingerprint").s())) {
            return new Claim(Outcome.OTHER_REQUEST, null, null);
        }
        if ("done".equals(existing.get("state").s())) {
            return new Claim(Outcome.REPLAY, new StoredResponse(Integer.parseInt(existing.get("status").n()),
                    existing.get("content_type").s(), existing.get("body").s()), null);
        }
        long claimedAt = Long.parseLong(existing.get("claimed_at").n());
        if (now - claimedAt < lease.toMillis()) {
            return new Claim(Outcome.IN_PROGRESS, null, null);
        }
        return takeOver(item, claimedAt);
    }

    /** The claim of a request that never finished (its instance died): this request takes it, with its own token. */
    private Claim takeOver(Map<String, AttributeValue> item, long claimedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":then", n(claimedAt));
        values.put(":pending", s("pending"));
        String token = item.get(TOKEN).s();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#at = :then AND #state = :pending")
                    .expressionAttributeNames(Map.of("#at", "claimed_at", "#state", "state"))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return claimed(token);
        } catch (ConditionalCheckFailedException someoneElse) {
            return isOurs(someoneElse.item(), token) ? claimed(token) : new Claim(Outcome.IN_PROGRESS, null, null);
        }
    }

    private static Claim claimed(String token) {
        return new Claim(Outcome.CLAIMED, null, token);
    }

    private static boolean isOurs(Map<String, AttributeValue> existing, String token) {
        AttributeValue stored = existing == null ? null : existing.get(TOKEN);
        return stored != null && token.equals(stored.s());
    }
}
