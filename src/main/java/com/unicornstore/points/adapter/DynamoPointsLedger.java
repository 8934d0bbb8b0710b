package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.platform.aws.BatchGets;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.PurchaseRecords;
import com.unicornstore.points.domain.StoredEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The event store on DynamoDB: one item per event, appended with a conditional put on
 * (account, sequence). Accounts are loaded from their latest snapshot plus the events after it, and
 * kept in a per-instance cache; snapshots are written in the background every few events.
 * Data of schema 1 is upcast as it is read; the revocations schema 1 kept in the account (its
 * snapshot's revoked set, its revocation events) are written to the purchases' own records on the
 * first load, and a snapshot of the current shape is written at once, so that happens once.
 */
public final class DynamoPointsLedger implements PointsLedger {

    /** The event's identity in its stored item (see {@link EventItems}). */
    private static final String EVENT_ID = "event_id";
    /** BatchGetItem's limit on keys per call. */
    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final AccountCache cache;
    private final Snapshots snapshots;
    private final PurchaseRecords purchases;
    private final Clock clock;

    public DynamoPointsLedger(DynamoDbClient dynamo, String table, AccountCache cache, Snapshots snapshots,
            PurchaseRecords purchases, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cache = cache;
        this.snapshots = snapshots;
        this.purchases = purchases;
        this.clock = clock;
    }

    @Override
    public PointsAccount load(String accountId) {
        PointsAccount cached = cache.get(accountId);
        return cached != null ? cached : reload(accountId);
    }

    @Override
    public PointsAccount reload(String accountId) {
        Optional<SnapshotItems.Restored> snapshot = snapshots.read(accountId);
        PointsAccount account = snapshot.map(SnapshotItems.Restored::account)
                .orElseGet(() -> snapshots.empty(accountId));
        Set<String> legacyRevoked = new HashSet<>(snapshot.map(SnapshotItems.Restored::legacyRevoked).orElse(Set.of()));
        long fromVersion = account.version();
        for (StoredEvent stored : tail(accountId, account.version())) {
            if (!stored.isReadable()) {
                throw new IllegalStateException("account " + accountId + " has an unreadable event: "
                        + stored.unreadableBecause());
            }
            if (stored.schemaVersion() == 1 && stored.event().event() instanceof PointsRevoked revoked) {
                legacyRevoked.add(revoked.correlationId());
            }
            account.apply(stored.event().event());
        }
        if (!legacyRevoked.isEmpty()) {
            purchases.recordRevocations(accountId, legacyRevoked, clock.instant());
            snapshots.write(account);
        } else {
            snapshots.considerAfterLoad(account, account.version() - fromVersion);
        }
        cache.put(account);
        return account.copy();
    }

    @Override
    public PointsAccount append(PointsAccount account, List<PointsEvent> events) {
        PointsAccount next = account.copy();
        for (PointsEvent event : events) {
            long sequence = next.version() + 1;
            boolean stored;
            try {
                stored = put(dynamo, table, sequence, event);
            } catch (RuntimeException failed) {
                cache.evict(account.accountId()); // it may be stored (its outcome unknown): the next command reads
                throw failed;
            }
            if (!stored) {
                cache.evict(account.accountId());
                throw new ConcurrentAppend(account.accountId(), sequence);
            }
            next.apply(event);
        }
        cache.put(next);
        snapshots.considerAfterAppend(next, account.version());
        return next.copy();
    }

    /**
     * The events after {@code version}, read by key: an account's sequences have no gaps (each is
     * appended only onto the one before), so its head is just before the first sequence not found.
     * One call covers a snapshot interval and one more, so a current snapshot's tail takes one call.
     * A Query would decide the same, but moto's walks and sorts every event of the table, so a cold
     * load would cost more the older the account and the larger the table.
     */
    private List<StoredEvent> tail(String accountId, long version) {
        int batch = Math.min(MAX_BATCH_GET, snapshots.every() + 1);
        List<StoredEvent> events = new ArrayList<>();
        long from = version + 1;
        while (true) {
            Map<Long, StoredEvent> found = byKey(accountId, from, from + batch - 1);
            long sequence = from;
            for (; found.containsKey(sequence); sequence++) {
                events.add(found.get(sequence));
            }
            if (sequence < from + batch) {
                return events;
            }
            from = sequence;
        }
    }

    private Map<Long, StoredEvent> byKey(String accountId, long from, long to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            keys.add(Map.of(EventItems.ACCOUNT, Attributes.s(accountId), EventItems.SEQUENCE, Attributes.n(sequence)));
        }
        Map<Long, StoredEvent> found = new HashMap<>();
        BatchGets.DEFAULT.each(dynamo, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(), item -> {
            StoredEvent stored = EventItems.fromItem(item);
            found.put(stored.sequence(), stored);
        });
        return found;
    }

    /**
     * The one conditional PutItem of an append: true once the event is stored at the sequence, false
     * when another event holds it. An event found there with this one's id was our own put: it
     * landed, its answer was lost, and the SDK sent it again.
     */
    static boolean put(DynamoDbClient dynamo, String table, long sequence, PointsEvent event) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(EventItems.toItem(sequence, event))
                    .conditionExpression("attribute_not_exists(#seq)")
                    .expressionAttributeNames(Map.of("#seq", EventItems.SEQUENCE))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return isThisEvent(taken.item(), event);
        }
    }

    /** The event found at the sequence is this very event (same event id): the write was ours. */
    private static boolean isThisEvent(Map<String, AttributeValue> found, PointsEvent event) {
        AttributeValue id = found == null ? null : found.get(EVENT_ID);
        return id != null && event.id().equals(id.s());
    }

    @Override
    public List<StoredEvent> events(String accountId, long from, long to) {
        List<StoredEvent> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#a = :a AND #s BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#a", EventItems.ACCOUNT, "#s", EventItems.SEQUENCE))
                    .expressionAttributeValues(Map.of(":a", Attributes.s(accountId), ":from", Attributes.n(from),
                            ":to", Attributes.n(to)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            var page = dynamo.query(query.build());
            page.items().forEach(item -> events.add(EventItems.fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return events;
    }

    @Override
    public Optional<StoredEvent> event(String accountId, long sequence) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                EventItems.ACCOUNT, Attributes.s(accountId), EventItems.SEQUENCE, Attributes.n(sequence)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EventItems.fromItem(item));
    }

    @Override
    public List<StoredEvent> newestFirst(String accountId, Long before, int limit) {
        long below = before == null ? Long.MAX_VALUE : before - 1;
        var page = dynamo.query(b -> b.tableName(table).scanIndexForward(false).limit(limit)
                .keyConditionExpression("#a = :a AND #s <= :below")
                .expressionAttributeNames(Map.of("#a", EventItems.ACCOUNT, "#s", EventItems.SEQUENCE))
                .expressionAttributeValues(Map.of(":a", Attributes.s(accountId), ":below", Attributes.n(below))));
        return page.items().stream().map(EventItems::fromItem).toList();
    }

    @Override
    public List<String> accountIds() {
        LinkedHashSet<String> accounts = new LinkedHashSet<>();
        dynamo.scanPaginator(b -> b.tableName(table).projectionExpression("#a")
                        .expressionAttributeNames(Map.of("#a", EventItems.ACCOUNT)))
                .items().forEach(item -> accounts.add(item.get(EventItems.ACCOUNT).s()));
        return List.copyOf(accounts);
    }
}
