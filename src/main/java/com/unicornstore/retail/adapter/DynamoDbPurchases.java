package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import com.unicornstore.platform.aws.IndexShards;
import com.unicornstore.platform.aws.OriginAttributes;
import com.unicornstore.platform.aws.OwnWrites;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.Refund;
import com.unicornstore.retail.domain.RefundProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Purchases in the purchases table (key {@code purchase_id}). A PENDING purchase carries
 * {@code pending_shard} and {@code deadline} (epoch millis: created plus the saga lease), the keys
 * of the sparse index {@value #PENDING_INDEX}, and loses them when it ends, so recovery finds the
 * purchases whose saga never began with a few queries instead of a scan. Every purchase is in the
 * index {@value UserPurchases#INDEX} (user, creation time) for {@code GET /purchases}.
 */
public final class DynamoDbPurchases implements Purchases {

    /** Sparse index of PENDING purchases: partition {@code pending_shard}, sort {@code deadline}. */
    public static final String PENDING_INDEX = "pending-by-deadline";
    static final int SHARDS = 8;
    private static final String REQUEST_TOKEN = "request_token";
    private static final String REFUND_TOKEN = "refund_token";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration sagaLease;
    private final Clock clock;
    private final PurchaseRefundWrites refunds;
    private final UserPurchases byUser;
    private final IndexShards.Rotation pendingSweep;

    /** {@code shardsPerSweep}: the pending-index shards each {@link #pendingPastDeadline} queries, in turn. */
    public DynamoDbPurchases(DynamoDbClient dynamo, String table, Duration sagaLease, Clock clock, int shardsPerSweep) {
        this.pendingSweep = new IndexShards.Rotation(SHARDS, shardsPerSweep);
        this.dynamo = dynamo;
        this.table = table;
        this.sagaLease = sagaLease;
        this.clock = clock;
        this.refunds = new PurchaseRefundWrites(dynamo, table);
        this.byUser = new UserPurchases(dynamo, table);
    }

    @Override
    public Optional<Purchase> addIfAbsent(Purchase purchase) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("purchase_id", s(purchase.id()));
        item.put("user_id", s(purchase.order().userId()));
        item.put("product_id", s(purchase.order().productId()));
        item.put("quantity", n(purchase.order().quantity()));
        item.put("status", s(purchase.status().name()));
        item.put("total", n(purchase.total()));
        item.put("points", n(purchase.points()));
        item.put("created_at", s(UserPurchases.sortable(purchase.createdAt())));
        item.put("pending_shard", s(IndexShards.of(purchase.id(), SHARDS)));
        item.put("deadline", n(purchase.createdAt().plus(sagaLease).toEpochMilli()));
        OriginAttributes.put(item, purchase.origin());
        // unique per call: the SDK's retry of this very put carries it, a client's retry (same key) does not
        String token = UUID.randomUUID().toString();
        item.put(REQUEST_TOKEN, s(token));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(purchase_id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException exists) {
            if (carries(exists, REQUEST_TOKEN, token)) {
                return Optional.empty(); // our own put: its answer was lost and the SDK sent it again
            }
            return find(purchase.id());
        }
    }

    @Override
    public void end(String purchaseId, PurchaseStatus status, long total, long points, String reason, String sagaId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", s(status.name()), ":total", n(total), ":points", n(points),
                ":pending", s(PurchaseStatus.PENDING.name()), ":true", AttributeValue.fromBool(true)));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#total", "total", "#points", "points"));
        String update = "SET #status = :status, #total = :total, #points = :points";
        if (reason != null) {
            values.put(":reason", s(reason));
            names.put("#reason", "reason");
            update += ", #reason = :reason";
        }
        if (sagaId != null) {
            values.put(":saga", s(sagaId));
            update += ", saga_id = :saga";
        }
        if (status == PurchaseStatus.COMPLETED) {
            values.put(":completedAt", s(clock.instant().toString()));
            update += ", completed_at = :completedAt";
        }
        String expression = update + " REMOVE by_saga, pending_shard, deadline";
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("purchase_id", s(purchaseId)))
                    .updateExpression(expression)
                    .conditionExpression("#status = :pending OR by_saga = :true")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException alreadyEnded) {
            // the first outcome stands
        }
    }

    @Override
    public void compensatedBySaga(String purchaseId, String sagaId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                    .updateExpression("SET #status = :compensated, by_saga = :true, saga_id = :saga REMOVE pending_shard, deadline")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":compensated", s(PurchaseStatus.COMPENSATED.name()),
                            ":pending", s(PurchaseStatus.PENDING.name()), ":true", AttributeValue.fromBool(true),
                            ":saga", s(sagaId == null ? "unknown" : sagaId))));
        } catch (ConditionalCheckFailedException alreadyEnded) {
            // its caller already recorded the outcome
        }
    }

    /** The next index shards in turn, a Query each: every shard within {@value #SHARDS} / shards-per-sweep calls. */
    @Override
    public List<Purchase> pendingPastDeadline(Instant now, int limit) {
        List<Purchase> due = new ArrayList<>();
        for (String partition : pendingSweep.next()) {
            if (due.size() >= limit) {
                break;
            }
            dynamo.queryPaginator(b -> b.tableName(table).indexName(PENDING_INDEX)
                            .keyConditionExpression("pending_shard = :shard AND deadline < :now")
                            .expressionAttributeValues(Map.of(":shard", s(partition), ":now", n(now.toEpochMilli()))))
                    .items().stream().limit(limit - due.size()).forEach(item -> due.add(purchase(item)));
        }
        return due;
    }

    @Override
    public void recheckPendingAt(String purchaseId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                    .updateExpression("SET deadline = :at")
                    .conditionExpression("#status = :pending AND attribute_exists(deadline)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()),
                            ":pending", s(PurchaseStatus.PENDING.name()))));
        } catch (ConditionalCheckFailedException ended) {
            // it ended meanwhile and left the index
        }
    }

    @Override
    public boolean startRefund(String purchaseId, int attempt, String sagaId) {
        return refunds.start(purchaseId, attempt, sagaId);
    }

    @Override
    public void reopenRefund(String purchaseId, String sagaId) {
        refunds.reopen(purchaseId, sagaId);
    }

    @Override
    public long recordPointsRevoked(String purchaseId, long revoked) {
        return refunds.recordPointsRevoked(purchaseId, revoked);
    }

    @Override
    public void recordRefundGiven(String purchaseId, String what) {
        refunds.recordGiven(purchaseId, what);
    }

    @Override
    public boolean refunded(String purchaseId, String sagaId, Refund refund) {
        return refunds.refunded(purchaseId, sagaId, refund);
    }

    /** The item the refused write found carries this very write's token: the write was ours. */
    private static boolean carries(ConditionalCheckFailedException refused, String attribute, String token) {
        return refused.hasItem() && OwnWrites.carries(attribute, token).test(refused.item());
    }

    private static Map<String, AttributeValue> key(String purchaseId) {
        return Map.of("purchase_id", s(purchaseId));
    }

    @Override
    public Optional<Purchase> find(String purchaseId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("purchase_id", s(purchaseId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(purchase(item));
    }

    @Override
    public Page byUser(String userId, int limit, String cursor) {
        return byUser.page(userId, limit, cursor, DynamoDbPurchases::purchase);
    }

    static Purchase purchase(Map<String, AttributeValue> item) {
        return new Purchase(
                item.get("purchase_id").s(),
                new PurchaseOrder(item.get("user_id").s(), item.get("product_id").s(),
                        Integer.parseInt(item.get("quantity").n())),
                PurchaseStatus.valueOf(item.get("status").s()),
                Long.parseLong(item.get("total").n()),
                Long.parseLong(item.get("points").n()),
                item.containsKey("reason") ? item.get("reason").s() : null,
                Instant.parse(item.get("created_at").s()),
                item.containsKey("saga_id") ? item.get("saga_id").s() : null,
                refund(item),
                item.containsKey("completed_at") ? Instant.parse(item.get("completed_at").s()) : null,
                refundProgress(item),
                OriginAttributes.read(item));
    }

    private static RefundProgress refundProgress(Map<String, AttributeValue> item) {
        if (!item.containsKey("refund_attempt")) {
            return RefundProgress.NONE;
        }
        return new RefundProgress(Integer.parseInt(item.get("refund_attempt").n()), item.get("refund_saga_id").s(),
                item.containsKey("refund_points_revoked") ? Long.valueOf(item.get("refund_points_revoked").n()) : null,
                item.containsKey("refund_given") ? Set.copyOf(item.get("refund_given").ss()) : Set.of());
    }

    private static Refund refund(Map<String, AttributeValue> item) {
        if (!item.containsKey("refund_amount")) {
            return null;
        }
        return new Refund(Long.parseLong(item.get("refund_amount").n()),
                Integer.parseInt(item.get("refund_quantity").n()),
                Long.parseLong(item.get("refund_points_revoked").n()),
                Long.parseLong(item.get("refund_points_shortfall").n()));
    }

}
