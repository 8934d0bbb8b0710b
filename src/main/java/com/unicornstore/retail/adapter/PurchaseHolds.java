package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.n;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Takes an amount from a counter attribute (a product's {@code stock}, a wallet's {@code balance})
 * for one purchase, with single-item conditional writes only. The item remembers the hold in a
 * {@code holds} map keyed by purchase id until it is confirmed, and every given-back purchase in a
 * {@code released} map (purchase id to the time of release), so retries are idempotent and a
 * give-back that comes first blocks the take. Release markers older than {@code keepReleased} are
 * pruned by the next successful take on the item, so the item does not grow with its history.
 */
final class PurchaseHolds {

    /** How a take ended. */
    sealed interface Taken {
        /** The amount is held; {@code item} is the item after the write (or as it was, on a repeat). */
        record Held(Map<String, AttributeValue> item) implements Taken {}
        /** The counter is below the amount. */
        record Short(long available) implements Taken {}
        /** No such item. */
        record Missing() implements Taken {}
        /** The purchase was already given back (compensated): it may not take anything now. */
        record Released() implements Taken {}
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final String keyAttribute;
    private final String counter;
    private final Duration keepReleased;
    private final Clock clock;

    PurchaseHolds(DynamoDbClient dynamo, String table, String keyAttribute, String counter, Duration keepReleased,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.keyAttribute = keyAttribute;
        this.counter = counter;
        this.keepReleased = keepReleased;
        this.clock = clock;
    }

    /** One conditional write; one more read-free outcome analysis when the condition refuses it. */
    Taken take(String key, String purchaseId, long amount) {
        try {
            Taken.Held held = new Taken.Held(dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET #c = #c - :a, holds.#p = :a")
                    .conditionExpression("attribute_exists(#k) AND #c >= :a AND attribute_not_exists(holds.#p) "
                            + "AND attribute_not_exists(released.#p)")
                    .expressionAttributeNames(Map.of("#c", counter, "#k", keyAttribute, "#p", purchaseId))
                    .expressionAttributeValues(Map.of(":a", n(amount)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes());
            pruneReleased(key, held.item());
            return held;
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> old = refused.item();
            if (old == null || old.isEmpty()) {
                return new Taken.Missing();
            }
            if (entries(old, "holds").containsKey(purchaseId)) {
                return new Taken.Held(old); // a retry of a take that already happened
            }
            if (entries(old, "released").containsKey(purchaseId)) {
                return new Taken.Released();
            }
            return new Taken.Short(Long.parseLong(old.get(counter).n()));
        }
    }

    /** Gives the hold back if there is one; otherwise marks the purchase released so a late take is refused. */
    void giveBack(String key, String purchaseId, long amount) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (write("SET #c = #c + holds.#p, released.#p = :now REMOVE holds.#p", "attribute_exists(holds.#p)",
                    key, purchaseId, amount)) {
                return;
            }
            if (write("SET released.#p = :now", "attribute_exists(#k) AND attribute_not_exists(holds.#p)",
                    key, purchaseId, amount)) {
                return; // nothing was held (or already given back): the purchase can no longer take
            }
            if (!exists(key)) {
                return;
            }
        }
        throw new IllegalStateException("Could not give back purchase " + purchaseId + " on " + table + "/" + key);
    }

    /**
     * Gives back a completed purchase (a refund), once, whether or not its hold was confirmed yet
     * (a confirmation still being retried then finds nothing to confirm). The {@code released}
     * entry it leaves makes a repeat change nothing: false when it was already given back.
     */
    boolean giveBackCompleted(String key, String purchaseId, long amount) {
        return write("SET #c = #c + :a, released.#p = :now REMOVE holds.#p",
                "attribute_exists(#k) AND attribute_not_exists(released.#p)", key, purchaseId, amount);
    }

    /** The hold becomes final: forget it, so the item does not grow with every purchase. */
    void confirm(String key, String purchaseId) {
        write("REMOVE holds.#p", "attribute_exists(#k)", key, purchaseId, 0);
    }

    /**
     * A conditional write; when it lands, stale release markers on the item are pruned (the item comes
     * back with it). A write that sets the release marker knows itself by the marker's time: finding
     * its very value after a refusal means its answer was lost and the SDK sent it again.
     */
    private boolean write(String update, String condition, String key, String purchaseId, long amount) {
        Map<String, AttributeValue> values = values(update + condition, amount);
        Map<String, AttributeValue> item;
        try {
            item = dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names(update + condition, purchaseId))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException refused) {
            AttributeValue marker = entries(refused.item(), "released").get(purchaseId);
            return update.contains("released.#p = :now") && marker != null && marker.equals(values.get(":now"));
        }
        if (update.contains("released.#p")) {
            pruneReleased(key, item);
        }
        return true;
    }

    /** One extra write, only when some release marker has outlived any late action it could block. */
    private void pruneReleased(String key, Map<String, AttributeValue> item) {
        long oldest = clock.millis() - keepReleased.toMillis();
        List<String> stale = entries(item, "released").entrySet().stream()
                .filter(entry -> Long.parseLong(entry.getValue().n()) < oldest).map(Map.Entry::getKey).limit(50).toList();
        if (stale.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < stale.size(); i++) {
            names.put("#r" + i, stale.get(i));
            paths.add("released.#r" + i);
        }
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("REMOVE " + String.join(", ", paths))
                .expressionAttributeNames(names));
    }

    private static Map<String, AttributeValue> entries(Map<String, AttributeValue> item, String map) {
        AttributeValue value = item == null ? null : item.get(map);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    private boolean exists(String key) {
        return !dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item().isEmpty();
    }

    private Map<String, String> names(String expressions, String purchaseId) {
        Map<String, String> names = new HashMap<>(Map.of("#p", purchaseId));
        if (expressions.contains("#c")) {
            names.put("#c", counter);
        }
        if (expressions.contains("#k")) {
            names.put("#k", keyAttribute);
        }
        return names;
    }

    private Map<String, AttributeValue> values(String expressions, long amount) {
        Map<String, AttributeValue> values = new HashMap<>();
        if (expressions.contains(":a")) {
            values.put(":a", n(amount));
        }
        if (expressions.contains(":now")) {
            values.put(":now", n(clock.millis()));
        }
        return values.isEmpty() ? null : values;
    }

    private Map<String, AttributeValue> key(String key) {
        return Map.of(keyAttribute, AttributeValue.fromS(key));
    }

}
