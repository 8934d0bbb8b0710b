package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.s;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.Purchases;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A shopper's purchases, newest first, through the index {@value #INDEX} (partition
 * {@code user_id}, sort {@code created_at}). Not a hot path: one Query per page, eventually
 * consistent like every index, so a purchase made a moment ago may show a moment later. The
 * cursor is the last item's position, encoded.
 */
final class UserPurchases {

    /** Index of every purchase by its shopper and creation time. */
    static final String INDEX = "by-user";
    // fixed width (nanoseconds always written), so that the index's string order is time order
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String SEPARATOR = "|";

    private final DynamoDbClient dynamo;
    private final String table;

    UserPurchases(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** {@code created_at} as stored: ISO-8601, UTC, nine fraction digits. */
    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    Purchases.Page page(String userId, int limit, String cursor, Function<Map<String, AttributeValue>, Purchase> read) {
        Map<String, AttributeValue> start = cursor == null || cursor.isEmpty() ? null : decode(cursor, userId);
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                .keyConditionExpression("user_id = :user").expressionAttributeValues(Map.of(":user", s(userId)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start));
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null : encode(last);
        return new Purchases.Page(response.items().stream().map(read).toList(), next);
    }

    private static String encode(Map<String, AttributeValue> last) {
        String position = last.get("created_at").s() + SEPARATOR + last.get("purchase_id").s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, String userId) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf(SEPARATOR);
            if (separator > 0) {
                String createdAt = position.substring(0, separator);
                String purchaseId = position.substring(separator + 1);
                Instant.parse(createdAt);
                if (Identifiers.isValid(purchaseId)) {
                    return Map.of("user_id", s(userId), "created_at", s(createdAt), "purchase_id", s(purchaseId));
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            // refused below, like any other text this API never handed out
        }
        throw Rejection.invalid("cursor", "is not a cursor this listing returned");
    }
}
