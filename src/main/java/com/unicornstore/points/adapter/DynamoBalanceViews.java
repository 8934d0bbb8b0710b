package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;
import static com.unicornstore.platform.aws.Attributes.time;

import com.unicornstore.points.domain.BalanceEntry;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import com.unicornstore.points.domain.ExpiryCandidates;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The balance read model (table {@code unicorn.tables.point-balances}, key account_id): one item
 * per account with its entries, the sequence of the last event applied, and the earliest pending
 * expiry in epoch milliseconds ({@code next_expiry}) for the expiry job.
 */
public final class DynamoBalanceViews implements BalanceViews, ExpiryCandidates {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBalanceViews(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<BalanceView> find(String accountId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("account_id", s(accountId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean replace(BalanceView view, long expectedSequence) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(view))
                    .conditionExpression(expectedSequence == 0 ? "attribute_not_exists(#seq) OR #seq = :zero"
                            : "#seq = :expected")
                    .expressionAttributeNames(Map.of("#seq", "applied_seq"))
                    .expressionAttributeValues(expectedSequence == 0 ? Map.of(":zero", n(0))
                            : Map.of(":expected", n(expectedSequence))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** A scan with a filter: its cost grows with the number of accounts, not with their histories. */
    @Override
    public List<String> dueAt(Instant now) {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#next <= :now")
                        .projectionExpression("account_id")
                        .expressionAttributeNames(Map.of("#next", "next_expiry"))
                        .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))))
                .items().stream().map(item -> item.get("account_id").s()).toList();
    }

    static Map<String, AttributeValue> toItem(BalanceView view) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("account_id", s(view.accountId()));
        item.put("applied_seq", n(view.appliedSequence()));
        item.put("entries", AttributeValue.fromL(view.entries().stream().map(DynamoBalanceViews::entry).toList()));
        Instant next = view.nextExpiry();
        if (next != null) {
            item.put("next_expiry", n(next.toEpochMilli()));
        }
        return item;
    }

    static BalanceView fromItem(Map<String, AttributeValue> item) {
        List<BalanceEntry> entries = item.get("entries").l().stream().map(AttributeValue::m)
                .map(e -> new BalanceEntry(string(e, "lot_id"), instant(e, "issued_at"), instant(e, "expires_at"),
                        number(e, "remaining"), instant(e, "last_updated"), e.get("expired").bool()))
                .toList();
        return new BalanceView(string(item, "account_id"), number(item, "applied_seq"), entries);
    }

    private static AttributeValue entry(BalanceEntry entry) {
        return AttributeValue.fromM(Map.of(
                "lot_id", s(entry.lotId()),
                "issued_at", time(entry.issuedAt()),
                "expires_at", time(entry.expiresAt()),
                "remaining", n(entry.remaining()),
                "last_updated", time(entry.lastUpdated()),
                "expired", AttributeValue.fromBool(entry.expiryRecorded())));
    }
}
