package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.Refund;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Purchases in the purchases table (key {@code purchase_id}). */
public final class DynamoDbPurchases implements Purchases {

    private static final String REQUEST_TOKEN = "request_token";
    private static final String REFUND_TOKEN = "refund_token";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPurchases(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
        item.put("created_at", s(purchase.createdAt().toString()));
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
        String expression = update + " REMOVE by_saga";
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
                    .updateExpression("SET #status = :compensated, by_saga = :true, saga_id = :saga")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":compensated", s(PurchaseStatus.COMPENSATED.name()),
                            ":pending", s(PurchaseStatus.PENDING.name()), ":true", AttributeValue.fromBool(true),
                            ":saga", s(sagaId == null ? "unknown" : sagaId))));
        } catch (ConditionalCheckFailedException alreadyEnded) {
            // its caller already recorded the outcome
        }
    }

    @Override
    public long recordPointsRevoked(String purchaseId, long revoked) {
        Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                .updateExpression("SET refund_points_revoked = if_not_exists(refund_points_revoked, :revoked)")
                .expressionAttributeValues(Map.of(":revoked", n(revoked)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(item.get("refund_points_revoked").n());
    }

    @Override
    public boolean refunded(String purchaseId, Refund refund) {
        String token = UUID.randomUUID().toString();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                    .updateExpression("SET #status = :refunded, refund_amount = :amount, refund_quantity = :quantity, "
                            + "refund_points_shortfall = :shortfall, " + REFUND_TOKEN + " = :token")
                    .conditionExpression("#status = :completed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":refunded", s(PurchaseStatus.REFUNDED.name()),
                            ":completed", s(PurchaseStatus.COMPLETED.name()), ":amount", n(refund.amount()),
                            ":quantity", n(refund.quantity()), ":shortfall", n(refund.pointsShortfall()),
                            ":token", s(token)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException notCompleted) {
            return carries(notCompleted, REFUND_TOKEN, token); // true: our own update, answered too late
        }
    }

    /** The item the refused write found carries this very write's token: the write was ours. */
    private static boolean carries(ConditionalCheckFailedException refused, String attribute, String token) {
        AttributeValue found = refused.hasItem() ? refused.item().get(attribute) : null;
        return found != null && token.equals(found.s());
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
        return Optional.of(new Purchase(
                item.get("purchase_id").s(),
                new PurchaseOrder(item.get("user_id").s(), item.get("product_id").s(),
                        Integer.parseInt(item.get("quantity").n())),
                PurchaseStatus.valueOf(item.get("status").s()),
                Long.parseLong(item.get("total").n()),
                Long.parseLong(item.get("points").n()),
                item.containsKey("reason") ? item.get("reason").s() : null,
                Instant.parse(item.get("created_at").s()),
                item.containsKey("saga_id") ? item.get("saga_id").s() : null,
                refund(item)));
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
