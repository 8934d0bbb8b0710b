package com.unicornstore.platform.aws;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Conditional writes that know their own outcome. When the condition refuses a write, DynamoDB
 * hands back the item it found (ALL_OLD); if that item carries this very write's identity, the
 * write had landed and only its reply was lost (the SDK sent it again): a success, not a conflict.
 */
public final class OwnWrites {

    private OwnWrites() {}

    /**
     * The item's attributes as the request asked for them (empty map unless asked), or, when the
     * condition refused it, the item found if {@code isOwn} recognises it; empty for another's write.
     */
    public static Optional<Map<String, AttributeValue>> update(DynamoDbClient dynamo, UpdateItemRequest request,
            Predicate<Map<String, AttributeValue>> isOwn) {
        try {
            return Optional.of(dynamo.updateItem(request.toBuilder()
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).attributes());
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> found = refused.hasItem() ? refused.item() : Map.of();
            return !found.isEmpty() && isOwn.test(found) ? Optional.of(found) : Optional.empty();
        }
    }

    /** Recognises an item whose string attribute {@code name} is {@code value}: the identity a write left. */
    public static Predicate<Map<String, AttributeValue>> carries(String name, String value) {
        return item -> item.containsKey(name) && value.equals(item.get(name).s());
    }
}
