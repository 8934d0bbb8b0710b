package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.IndexShards;
import com.unicornstore.platform.aws.Attributes;
import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;

import com.unicornstore.points.domain.BalanceEntry;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.BalanceViews;
import com.unicornstore.points.domain.ExpiryCandidates;
import java.time.Instant;
import java.util.ArrayList;
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
 * expiry in epoch milliseconds ({@code next_expiry}, with its index shard) for the expiry job.
 * The projection rewrites the item whole, so its entries are packed into one string ({@code
 * packed_entries}, rows [lot id, issued at, expires at, remaining, last updated, 1 when its expiry is
 * recorded else 0], times ISO-8601 as before); views stored as a list of maps ({@code entries}) are
 * still read. Attributes beyond these are ignored.
 */
public final class DynamoBalanceViews implements BalanceViews, ExpiryCandidates {

    /** Sparse index of views with a pending expiry: partition {@code expiry_shard}, sort {@code next_expiry}. */
    public static final String DUE_INDEX = "due-by-expiry";
    static final int SHARDS = 8;
    private static final String PACKED_ENTRIES = "packed_entries";

    private final DynamoDbClient dynamo;
    private final String table;
    private final IndexShards.Rotation expirySweep;

    /** {@code shardsPerSweep}: the due-index shards each {@link #dueAt} queries, in turn. */
    public DynamoBalanceViews(DynamoDbClient dynamo, String table, int shardsPerSweep) {
        this.expirySweep = new IndexShards.Rotation(SHARDS, shardsPerSweep);
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

    /** Queries the sparse index of accounts with a pending expiry, the next shards in turn: it reads only what is due. */
    @Override
    public List<String> dueAt(Instant now) {
        List<String> due = new ArrayList<>();
        for (String partition : expirySweep.next()) {
            dynamo.queryPaginator(b -> b.tableName(table).indexName(DUE_INDEX)
                            .keyConditionExpression("expiry_shard = :shard AND next_expiry <= :now")
                            .projectionExpression("account_id")
                            .expressionAttributeValues(Map.of(":shard", s(partition), ":now", n(now.toEpochMilli()))))
                    .items().forEach(item -> due.add(item.get("account_id").s()));
        }
        return due;
    }

    static Map<String, AttributeValue> toItem(BalanceView view) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("account_id", s(view.accountId()));
        item.put("applied_seq", n(view.appliedSequence()));
        item.put(PACKED_ENTRIES, s(PackedRows.pack(view.entries().stream().map(DynamoBalanceViews::entry).toList())));
        Instant next = view.nextExpiry();
        if (next != null) {
            item.put("next_expiry", n(next.toEpochMilli()));
            item.put("expiry_shard", s(IndexShards.of(view.accountId(), SHARDS)));
        }
        return item;
    }

    static BalanceView fromItem(Map<String, AttributeValue> item) {
        List<BalanceEntry> entries = item.containsKey(PACKED_ENTRIES)
                ? PackedRows.unpack(string(item, PACKED_ENTRIES)).stream()
                        .map(e -> new BalanceEntry(e.string(0), Instant.parse(e.string(1)), Instant.parse(e.string(2)),
                                e.number(3), Instant.parse(e.string(4)), e.number(5) == 1))
                        .toList()
                : item.get("entries").l().stream().map(AttributeValue::m)
                        .map(e -> new BalanceEntry(string(e, "lot_id"), instant(e, "issued_at"), instant(e, "expires_at"),
                                number(e, "remaining"), instant(e, "last_updated"), e.get("expired").bool()))
                        .toList();
        return new BalanceView(string(item, "account_id"), number(item, "applied_seq"), entries);
    }

    private static List<Object> entry(BalanceEntry entry) {
        return List.of(entry.lotId(), entry.issuedAt().toString(), entry.expiresAt().toString(), entry.remaining(),
                entry.lastUpdated().toString(), entry.expiryRecorded() ? 1L : 0L);
    }
}
