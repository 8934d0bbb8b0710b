package com.unicornstore.platform.provisioning;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Writes a seed item only when no item has its key yet, so a restart never resets live data. */
public final class ConditionalSeed {

    private final DynamoDbClient dynamo;

    public ConditionalSeed(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** @return true when the item was written, false when one was already there */
    public boolean putIfAbsent(String table, String keyAttribute, Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", keyAttribute)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }
}
