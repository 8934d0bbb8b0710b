package com.unicornstore.campaign.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** JSON trees as native DynamoDB attributes (M, L, S, N, BOOL, NUL) and back, so stored rules stay readable. */
final class JsonAttributes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonAttributes() {}

    static AttributeValue toAttribute(JsonNode node) {
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toAttribute(field.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(element -> list.add(toAttribute(element)));
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        return node.isNull() ? AttributeValue.fromNul(true) : AttributeValue.fromS(node.asText());
    }

    static JsonNode toJson(AttributeValue value) {
        if (value.hasM()) {
            ObjectNode object = NODES.objectNode();
            value.m().forEach((key, element) -> object.set(key, toJson(element)));
            return object;
        }
        if (value.hasL()) {
            ArrayNode array = NODES.arrayNode();
            value.l().forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return LongNode.valueOf(number.longValueExact());
            }
            return DecimalNode.valueOf(number);
        }
        if (value.bool() != null) {
            return NODES.booleanNode(value.bool());
        }
        return value.s() != null ? NODES.textNode(value.s()) : NODES.nullNode();
    }
}
