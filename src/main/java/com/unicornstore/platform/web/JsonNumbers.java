package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds numbers a client sent that no part of the platform can hold: more than 38 significant
 * digits or a magnitude beyond DynamoDB's (1e-130 to 1e126). A short text like {@code 1e999999999}
 * would otherwise cost gigabytes or minutes wherever it is expanded or computed with.
 */
public final class JsonNumbers {

    private static final int MAX_DIGITS = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private JsonNumbers() {}

    /** Every out-of-range number in the document, located by its JSON pointer. */
    public static List<Violation> outOfRange(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        collect(document, "", violations);
        return violations;
    }

    private static void collect(JsonNode node, String pointer, List<Violation> violations) {
        if (node.isNumber() && !fits(node.decimalValue())) {
            violations.add(new Violation(pointer.isEmpty() ? "/" : pointer,
                    "is a number outside the range the platform stores (38 digits, magnitude 1e-130 to 1e125)"));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                collect(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, violations);
            }
        }
    }

    private static boolean fits(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return stripped.precision() <= MAX_DIGITS && exponent <= MAX_EXPONENT && exponent >= MIN_EXPONENT;
    }
}
