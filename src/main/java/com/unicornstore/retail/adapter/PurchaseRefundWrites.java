package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;

import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Refund;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The refund's writes on a purchase item: single-item conditional updates keyed by the refund
 * saga ({@code refund_saga_id}), so a write of a compensated or superseded refund attempt changes
 * nothing, and a write whose answer was lost is recognised as its own when the SDK retries it.
 */
final class PurchaseRefundWrites {

    private final DynamoDbClient dynamo;
    private final String table;

    PurchaseRefundWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    boolean start(String purchaseId, int attempt, String sagaId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":refunding", s(PurchaseStatus.REFUNDING.name()),
                ":completed", s(PurchaseStatus.COMPLETED.name()), ":attempt", n(attempt), ":saga", s(sagaId)));
        String condition = "#status = :completed AND ";
        if (attempt == 1) {
            condition += "attribute_not_exists(refund_attempt)";
        } else {
            condition += "refund_attempt = :previous";
            values.put(":previous", n(attempt - 1));
        }
        String finalCondition = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                    .updateExpression("SET #status = :refunding, refund_attempt = :attempt, refund_saga_id = :saga")
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> old = refused.item();
            return old != null && old.containsKey("refund_saga_id") && sagaId.equals(old.get("refund_saga_id").s());
        }
    }

    void reopen(String purchaseId, String sagaId) {
        conditional(purchaseId, "SET #status = :completed", "#status = :refunding AND refund_saga_id = :saga",
                Map.of(":completed", s(PurchaseStatus.COMPLETED.name()), ":refunding", s(PurchaseStatus.REFUNDING.name()),
                        ":saga", s(sagaId)));
    }

    long recordPointsRevoked(String purchaseId, long revoked) {
        Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                .updateExpression("SET refund_points_revoked = if_not_exists(refund_points_revoked, :revoked)")
                .expressionAttributeValues(Map.of(":revoked", n(revoked)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return Long.parseLong(item.get("refund_points_revoked").n());
    }

    void recordGiven(String purchaseId, String what) {
        dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                .updateExpression("ADD refund_given :what")
                .expressionAttributeValues(Map.of(":what", AttributeValue.fromSs(List.of(what)))));
    }

    boolean refunded(String purchaseId, String sagaId, Refund refund) {
        return conditional(purchaseId, "SET #status = :refunded, refund_amount = :amount, refund_quantity = :quantity, "
                        + "refund_points_shortfall = :shortfall",
                "(#status = :refunding AND refund_saga_id = :saga) OR (#status = :refunded AND refund_saga_id = :saga)",
                Map.of(":refunded", s(PurchaseStatus.REFUNDED.name()), ":refunding", s(PurchaseStatus.REFUNDING.name()),
                        ":saga", s(sagaId), ":amount", n(refund.amount()), ":quantity", n(refund.quantity()),
                        ":shortfall", n(refund.pointsShortfall())));
    }

    private boolean conditional(String purchaseId, String update, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(purchaseId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String purchaseId) {
        return Map.of("purchase_id", s(purchaseId));
    }
}
