package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.time;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.domain.ParkedRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Records set aside for an operator (table {@code unicorn.tables.point-parked-records}, key
 * {@code record_key} = source/key): parking the same record again just overwrites its entry, and a
 * record stays until an operator discards it. The index {@value #INDEX} lists them newest first: one
 * partition ({@value #LISTED}), since records are parked rarely (poison), far below what one index
 * partition takes; an operator's read, never on a record's path.
 */
public final class DynamoParkedRecords implements ParkedRecords {

    /** Index of every parked record by the time it was parked. */
    static final String INDEX = "by-parked-at";
    static final String LISTED = "listed";
    static final String PARKED_MS = "parked_ms";
    private static final String ALL = "all";
    private static final String KEY = "record_key";
    private static final int MAX_KEY = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DynamoParkedRecords.class);

    /** Who re-applied a parked record, when, and the rebuild job that did it. */
    public record Reapplied(String jobId, String by, Instant at) {}

    /** A parked record as an operator sees it; {@code id} is its key, encoded for a URL. */
    public record ParkedRecord(String id, String source, String key, String accountId, String reason,
            Instant parkedAt, Reapplied reapplied) {}

    /** A page of parked records, newest first, and the cursor of the next (null after the last). */
    public record Page(List<ParkedRecord> items, String nextCursor) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoParkedRecords(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void park(String source, String key, String accountId, String reason) {
        LOG.warn("Parked record {} from {}: {}", key, source, reason);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                KEY, s(source + "/" + key),
                "source", s(source),
                "reason", s(reason.length() > 10_000 ? reason.substring(0, 10_000) : reason),
                "parked_at", time(now),
                LISTED, s(ALL),
                PARKED_MS, n(now.toEpochMilli())));
        if (accountId != null && !accountId.isEmpty()) {
            item.put("account_id", s(accountId));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** One page, newest first; cursor null for the first. */
    public Page page(int limit, String cursor) {
        Map<String, AttributeValue> start = cursor == null || cursor.isEmpty() ? null : decodeCursor(cursor);
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                .keyConditionExpression("#l = :all").expressionAttributeNames(Map.of("#l", LISTED))
                .expressionAttributeValues(Map.of(":all", s(ALL))).scanIndexForward(false).limit(limit)
                .exclusiveStartKey(start));
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null
                : encode(last.get(PARKED_MS).n() + "|" + last.get(KEY).s());
        return new Page(response.items().stream().map(DynamoParkedRecords::record).toList(), next);
    }

    /** The parked record of this id, if there is one (an id that is no record's is none). */
    public Optional<ParkedRecord> find(String id) {
        String key = keyOf(id);
        if (key == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(KEY, s(key)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
    }

    /** Removes it; removing one that is gone already changes nothing (a retried call is harmless). */
    public void discard(ParkedRecord record) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(KEY, s(keyOf(record.id())))));
    }

    /** Notes the rebuild job that re-applies it, unless it was discarded meanwhile. */
    public void reapplied(ParkedRecord record, Reapplied reapplied) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of(KEY, s(keyOf(record.id()))))
                    .updateExpression("SET reapplied_job = :j, reapplied_by = :b, reapplied_at = :a")
                    .conditionExpression("attribute_exists(" + KEY + ")")
                    .expressionAttributeValues(Map.of(":j", s(reapplied.jobId()), ":b", s(reapplied.by()),
                            ":a", time(reapplied.at()))));
        } catch (ConditionalCheckFailedException discarded) {
            // another operator discarded it meanwhile: the job still runs, and there is nothing left to note
        }
    }

    private static ParkedRecord record(Map<String, AttributeValue> item) {
        String recordKey = item.get(KEY).s();
        String source = text(item, "source");
        String key = source != null && recordKey.startsWith(source + "/") ? recordKey.substring(source.length() + 1)
                : recordKey;
        String parkedAt = text(item, "parked_at");
        Reapplied reapplied = text(item, "reapplied_job") == null ? null : new Reapplied(text(item, "reapplied_job"),
                text(item, "reapplied_by"), Instant.parse(text(item, "reapplied_at")));
        return new ParkedRecord(encode(recordKey), source, key, text(item, "account_id"), text(item, "reason"),
                parkedAt == null ? null : Instant.parse(parkedAt), reapplied);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The record key an id stands for; null when the id is none this API gave out. */
    private static String keyOf(String id) {
        String key = decoded(id);
        return key == null || !key.contains("/") ? null : key;
    }

    /** The text encoded, at most {@value #MAX_KEY} bytes (a DynamoDB key takes 2,048); null when it is not ours. */
    private static String decoded(String encoded) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            return bytes.length == 0 || bytes.length > MAX_KEY ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        String position = decoded(cursor);
        int separator = position == null ? -1 : position.indexOf('|');
        if (separator > 0) {
            try {
                long parkedMs = Long.parseLong(position.substring(0, separator));
                String key = position.substring(separator + 1);
                if (parkedMs >= 0 && !key.isEmpty()) {
                    return Map.of(LISTED, s(ALL), PARKED_MS, n(parkedMs), KEY, s(key));
                }
            } catch (NumberFormatException notOurs) {
                // refused below, like any other text this API never handed out
            }
        }
        throw Rejection.invalid("cursor", "is not a cursor this listing returned");
    }
}
