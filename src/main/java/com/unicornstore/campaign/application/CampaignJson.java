package com.unicornstore.campaign.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignChange;
import com.unicornstore.campaign.domain.CampaignHistory;
import com.unicornstore.campaign.domain.Command;
import com.unicornstore.campaign.domain.Operator;
import com.unicornstore.campaign.domain.Rule;
import com.unicornstore.platform.domain.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The campaign document as the API, the rule files and the table hold it (snake_case, rules as an
 * array), mapped to and from the domain. Reading assumes a document {@link CampaignValidation} accepted.
 */
public final class CampaignJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CampaignJson() {}

    public static ObjectNode toDocument(Campaign campaign) {
        ObjectNode document = NODES.objectNode();
        document.put("client", campaign.client());
        document.put("campaign_name", campaign.name());
        document.put("status", campaign.status().wireName());
        document.set("rules", rules(campaign.rules()));
        document.put("priority", campaign.priority());
        if (campaign.validFrom() != null) {
            document.put("valid_from", campaign.validFrom().toString());
        }
        if (campaign.validTo() != null) {
            document.put("valid_to", campaign.validTo().toString());
        }
        if (campaign.maxPointsPerEvent() != null) {
            document.put("max_points_per_event", campaign.maxPointsPerEvent());
        }
        if (campaign.description() != null) {
            document.put("description", campaign.description());
        }
        document.put("version", campaign.version());
        return document;
    }

    /** The document and who changed the campaign: {@code created} and {@code changes} (newest first), when recorded. */
    public static ObjectNode toView(Campaign campaign) {
        ObjectNode view = toDocument(campaign);
        CampaignHistory history = campaign.history();
        if (history.created() != null) {
            view.set("created", change(history.created()));
        }
        if (!history.recent().isEmpty()) {
            ArrayNode changes = view.putArray("changes");
            history.recent().forEach(change -> changes.add(change(change)));
        }
        return view;
    }

    /** The campaign a stored view holds: its definition, version and history. */
    public static Campaign fromView(JsonNode view) {
        Campaign definition = toCampaign(view, view.path("version").asLong(1));
        List<CampaignChange> recent = new ArrayList<>();
        view.path("changes").forEach(change -> recent.add(change(change)));
        CampaignHistory history = new CampaignHistory(view.has("created") ? change(view.get("created")) : null, recent);
        return new Campaign(definition.client(), definition.name(), definition.status(), definition.rules(),
                definition.priority(), definition.validFrom(), definition.validTo(), definition.maxPointsPerEvent(),
                definition.description(), definition.version(), history);
    }

    private static ObjectNode change(CampaignChange change) {
        ObjectNode node = NODES.objectNode();
        node.put("version", change.version());
        Origin origin = change.origin();
        if (origin.principal() != null) {
            node.put("principal", origin.principal());
        }
        if (origin.channel() != null) {
            node.put("channel", origin.channel());
        }
        if (origin.messageId() != null) {
            node.put("message_id", origin.messageId());
        }
        node.put("at", change.at().toString());
        return node;
    }

    private static CampaignChange change(JsonNode node) {
        return new CampaignChange(node.path("version").asLong(), new Origin(text(node, "principal", null),
                text(node, "channel", null), text(node, "message_id", null)), Instant.parse(node.get("at").textValue()));
    }

    public static ArrayNode rules(List<Rule> rules) {
        ArrayNode array = NODES.arrayNode();
        for (Rule rule : rules) {
            ObjectNode node = array.addObject();
            node.put("variable", rule.variable());
            ObjectNode condition = node.putObject("condition");
            condition.put("rule", rule.condition().operator().wireName());
            condition.set("value", value(rule.condition().value()));
            ObjectNode action = node.putObject("action");
            action.put("command", rule.action().command().wireName());
            action.put("formula", rule.action().formula());
        }
        return array;
    }

    public static Campaign toCampaign(JsonNode document, long version) {
        return new Campaign(
                document.get("client").textValue(),
                document.get("campaign_name").textValue(),
                Campaign.Status.valueOf(text(document, "status", "active").toUpperCase(Locale.ROOT)),
                toRules(document.get("rules")),
                document.path("priority").asInt(0),
                instant(document.get("valid_from")),
                instant(document.get("valid_to")),
                document.hasNonNull("max_points_per_event") ? document.get("max_points_per_event").longValue() : null,
                text(document, "description", null),
                version);
    }

    public static List<Rule> toRules(JsonNode array) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode condition = node.get("condition");
            JsonNode action = node.get("action");
            rules.add(new Rule(node.get("variable").textValue(),
                    new Rule.Condition(Operator.named(condition.get("rule").textValue()).orElseThrow(),
                            plain(condition.get("value"))),
                    new Rule.Action(Command.named(action.get("command").textValue()).orElseThrow(),
                            action.get("formula").textValue())));
        }
        return rules;
    }

    /** An ISO-8601 date-time with an offset, as an instant; null when absent. */
    public static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.textValue()).toInstant();
    }

    private static String text(JsonNode document, String field, String otherwise) {
        JsonNode node = document.get(field);
        return node == null || node.isNull() ? otherwise : node.textValue();
    }

    private static Object plain(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(element -> values.add(plain(element)));
            return List.copyOf(values);
        }
        return node.isBoolean() ? (Object) node.booleanValue() : node.textValue();
    }

    private static JsonNode value(Object value) {
        if (value instanceof BigDecimal number) {
            return isWhole(number) ? LongNode.valueOf(number.longValueExact()) : DecimalNode.valueOf(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(value(element)));
            return array;
        }
        return value instanceof Boolean b ? NODES.booleanNode(b) : NODES.textNode((String) value);
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || (number.stripTrailingZeros().scale() <= 0
                && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0);
    }
}
