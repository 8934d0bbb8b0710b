package com.unicornstore.platform.messaging;

import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;
import static com.unicornstore.platform.aws.Attributes.time;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Dead letters in their table (key {@code queue} + {@code id}, the SQS message id). A record is
 * written once, when its message is first parked (a repeat keeps the first), and expires by TTL on
 * {@value #EXPIRES_AT} with the dead-letter queue's retention: the table holds at most what the
 * queues can. Listing is a Query on one queue, an operator's read, never on a message's path.
 */
public final class DeadLetterRecords {

    public static final String EXPIRES_AT = "expires_at";
    private static final int MAX_BODY = 64 * 1024;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DeadLetterRecords(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    /** Records a parked message unless it is already recorded (a redelivery parks it again). */
    public void record(DeadLetter letter) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("queue", s(letter.queue()));
        item.put("id", s(letter.id()));
        String body = letter.body() == null ? "" : letter.body();
        item.put("body", s(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body));
        item.put("reason", s(letter.reason()));
        item.put("receive_count", n(letter.receiveCount()));
        item.put("first_seen", time(letter.firstSeen()));
        item.put(EXPIRES_AT, n(letter.firstSeen().plus(retention).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
        } catch (ConditionalCheckFailedException recorded) {
            // the first record stands: it says when the message was first parked, and why
        }
    }

    /** One page of a queue's dead letters, oldest id order; cursor null for the first page. */
    public Page page(String queue, int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table).keyConditionExpression("#q = :q").expressionAttributeNames(Map.of("#q", "queue"))
                    .expressionAttributeValues(Map.of(":q", s(queue))).limit(limit).consistentRead(true);
            if (cursor != null) {
                b.exclusiveStartKey(Map.of("queue", s(queue), "id", s(decode(cursor))));
            }
        });
        List<DeadLetter> items = response.items().stream().map(DeadLetterRecords::letter).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? encode(response.lastEvaluatedKey().get("id").s()) : null;
        return new Page(items, next);
    }

    public void delete(String queue, String id) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("queue", s(queue), "id", s(id))));
    }

    public boolean exists(String queue, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("queue", s(queue), "id", s(id))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    /** A page of dead letters and the cursor of the next (null after the last). */
    public record Page(List<DeadLetter> items, String nextCursor) {}

    private static DeadLetter letter(Map<String, AttributeValue> item) {
        return new DeadLetter(string(item, "queue"), string(item, "id"), string(item, "body"), string(item, "reason"),
                (int) number(item, "receive_count"), instant(item, "first_seen"));
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw com.unicornstore.platform.domain.Rejection.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
