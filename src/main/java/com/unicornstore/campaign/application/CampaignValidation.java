package com.unicornstore.campaign.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.unicornstore.campaign.domain.PathLanguage;
import com.unicornstore.campaign.domain.formula.FormulaParser;
import com.unicornstore.campaign.domain.formula.FormulaSyntaxException;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import com.unicornstore.platform.web.JsonNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a campaign document against {@code campaign/campaign.schema.json}, then what a schema
 * cannot say: the JSONPath parses, the formula parses and reaches only numbers, allowed functions
 * and JSONPath, a range is ordered, the window ends after it starts. Every problem is reported,
 * each at its JSON pointer.
 */
public final class CampaignValidation {

    private final ObjectMapper json;
    private final PathLanguage paths;
    private final FormulaParser formulas;
    private final Schema schema;

    /** Far above any real campaign, far below DynamoDB's 400 KB item limit. */
    public static final int MAX_DOCUMENT_CHARS = 64 * 1024;

    public CampaignValidation(ObjectMapper json, PathLanguage paths) {
        this.json = json;
        this.paths = paths;
        this.formulas = new FormulaParser(paths);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false).locale(Locale.ENGLISH).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = CampaignValidation.class.getResourceAsStream("/campaign/campaign.schema.json")) {
            this.schema = registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("campaign/campaign.schema.json is unreadable", e);
        }
    }

    /**
     * Accepts {@code rules} as an array or as a string holding one (and replaces the string by the
     * array), then validates the whole document.
     *
     * @throws Rejection listing every problem, when there is any
     */
    public void check(ObjectNode document) {
        List<Violation> violations = new ArrayList<>(JsonNumbers.outOfRange(document));
        if (document.toString().length() > MAX_DOCUMENT_CHARS) {
            violations.add(new Violation("/", "the campaign document is larger than " + MAX_DOCUMENT_CHARS + " characters"));
        }
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations); // nothing below may expand such a number
        }
        unwrapRules(document, violations);
        for (Error error : schema.validate(document)) {
            violations.add(new Violation(pointer(error), error.getMessage()));
        }
        checkRules(document.get("rules"), violations);
        checkWindow(document, violations);
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
    }

    private void unwrapRules(ObjectNode document, List<Violation> violations) {
        JsonNode rules = document.get("rules");
        if (rules == null || !rules.isTextual()) {
            return;
        }
        try {
            JsonNode parsed = json.readTree(rules.textValue());
            if (parsed != null && parsed.isArray()) {
                document.set("rules", parsed);
                return;
            }
        } catch (JsonProcessingException notJson) {
            // reported below, like any other string that holds no array
        }
        document.remove("rules");
        violations.add(new Violation("/rules", "must be an array of rules, or a string holding a JSON array of rules"));
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation().toString();
        String base = location.isEmpty() || location.equals("/") ? "" : location;
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return base + "/" + error.getProperty();
        }
        return base.isEmpty() ? "/" : base;
    }

    private void checkRules(JsonNode rules, List<Violation> violations) {
        if (rules == null || !rules.isArray()) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "/rules/" + i;
            JsonNode variable = rule.path("variable");
            if (variable.isTextual()) {
                try {
                    paths.compile(variable.textValue());
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation(at + "/variable", "is not a valid JSONPath: " + e.getMessage()));
                }
            }
            JsonNode formula = rule.path("action").path("formula");
            if (formula.isTextual() && !formula.textValue().isEmpty()
                    && formula.textValue().length() <= FormulaParser.MAX_LENGTH) {
                try {
                    formulas.parse(formula.textValue());
                } catch (FormulaSyntaxException e) {
                    violations.add(new Violation(at + "/action/formula", e.getMessage()));
                }
            }
            checkRange(rule.path("condition"), at + "/condition/value", violations);
        }
    }

    private static void checkRange(JsonNode condition, String at, List<Violation> violations) {
        JsonNode value = condition.path("value");
        if ("numeric_between".equals(condition.path("rule").textValue()) && value.isArray() && value.size() == 2
                && value.get(0).isNumber() && value.get(1).isNumber()) {
            BigDecimal low = value.get(0).decimalValue();
            if (low.compareTo(value.get(1).decimalValue()) > 0) {
                violations.add(new Violation(at, "is a range [low, high]: low must not exceed high"));
            }
        }
    }

    private static void checkWindow(ObjectNode document, List<Violation> violations) {
        Instant from = instant(document, "valid_from", violations);
        Instant to = instant(document, "valid_to", violations);
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add(new Violation("/valid_to", "must be after valid_from"));
        }
    }

    private static Instant instant(ObjectNode document, String field, List<Violation> violations) {
        JsonNode node = document.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return CampaignJson.instant(node);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("/" + field, "must be an ISO-8601 date-time with an offset, e.g. 2025-01-31T00:00:00Z"));
            return null;
        }
    }
}
