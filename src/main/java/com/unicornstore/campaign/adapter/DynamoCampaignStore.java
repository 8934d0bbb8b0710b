package com.unicornstore.campaign.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.application.CampaignJson;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Campaigns in DynamoDB (table {@code unicorn.tables.campaigns}, key {@code client} +
 * {@code campaign_name}), each field a native attribute, the rules a list of maps and the history
 * ({@code created}, {@code changes}) maps as {@code GET /campaigns/{name}} shows them. Every write
 * is a single-item conditional write: create if absent, replace at the expected version.
 */
public final class DynamoCampaignStore implements CampaignStore {

    private static final String CLIENT = "client";
    private static final String NAME = "campaign_name";
    private static final ObjectMapper CURSORS = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCampaignStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean createIfAbsent(Campaign campaign) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(campaign))
                    .conditionExpression("attribute_not_exists(#c)").expressionAttributeNames(Map.of("#c", CLIENT)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Campaign> find(String client, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(client, name))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCampaign(item));
    }

    @Override
    public boolean replace(Campaign campaign, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(campaign))
                    .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public boolean delete(String client, String name) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(client, name))
                    .conditionExpression("attribute_exists(#c)").expressionAttributeNames(Map.of("#c", CLIENT)));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    @Override
    public List<Campaign> ofClient(String client) {
        List<Campaign> campaigns = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = query(client, null, start);
            page.items().forEach(item -> campaigns.add(toCampaign(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return campaigns;
    }

    @Override
    public Page page(String client, int limit, String cursor) {
        Map<String, AttributeValue> start = cursor == null ? null : decode(cursor, client);
        List<Map<String, AttributeValue>> items;
        Map<String, AttributeValue> last;
        if (client != null) {
            QueryResponse response = query(client, limit, start);
            items = response.items();
            last = response.lastEvaluatedKey();
        } else {
            var response = dynamo.scan(b -> b.tableName(table).limit(limit).exclusiveStartKey(start));
            items = response.items();
            last = response.lastEvaluatedKey();
        }
        String next = last == null || last.isEmpty() ? null : encode(last);
        return new Page(items.stream().map(DynamoCampaignStore::toCampaign).toList(), next);
    }

    private QueryResponse query(String client, Integer limit, Map<String, AttributeValue> start) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true).limit(limit).exclusiveStartKey(start)
                .keyConditionExpression("#c = :c").expressionAttributeNames(Map.of("#c", CLIENT))
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(client))));
    }

    private static Map<String, AttributeValue> key(String client, String name) {
        return Map.of(CLIENT, AttributeValue.fromS(client), NAME, AttributeValue.fromS(name));
    }

    /** The campaign as the API shows it, history included; an item stored before histories were kept has none. */
    static Map<String, AttributeValue> toItem(Campaign campaign) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        CampaignJson.toView(campaign).fields()
                .forEachRemaining(field -> item.put(field.getKey(), JsonAttributes.toAttribute(field.getValue())));
        return item;
    }

    static Campaign toCampaign(Map<String, AttributeValue> item) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> document.set(name, JsonAttributes.toJson(value)));
        return CampaignJson.fromView(document);
    }

    private static String encode(Map<String, AttributeValue> lastKey) {
        ObjectNode cursor = JsonNodeFactory.instance.objectNode()
                .put(CLIENT, lastKey.get(CLIENT).s()).put(NAME, lastKey.get(NAME).s());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, String client) {
        try {
            JsonNode node = CURSORS.readTree(Base64.getUrlDecoder().decode(cursor));
            String cursorClient = node.path(CLIENT).textValue();
            String name = node.path(NAME).textValue();
            if (Identifiers.isValid(cursorClient) && Identifiers.isValid(name)
                    && (client == null || client.equals(cursorClient))) {
                return key(cursorClient, name);
            }
        } catch (IOException | IllegalArgumentException e) {
            // reported below, like any other cursor this API did not hand out
        }
        throw Rejection.invalid("cursor", "is not a cursor this listing returned");
    }
}
