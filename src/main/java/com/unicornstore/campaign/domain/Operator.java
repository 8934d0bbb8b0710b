package com.unicornstore.campaign.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The condition operators, each with one exact meaning. "Found" is the value the rule's JSONPath
 * finds in the event. A value of the wrong type (a string for a numeric operator, say) never
 * satisfies an operator; when the path finds a list, the condition holds if any element satisfies
 * it. Numbers compare by value: 100 equals 100.0.
 */
public enum Operator {
    /** found &gt; value. */
    NUMERIC_GREATER_THAN("numeric_greater_than", ValueKind.NUMBER),
    /** found &ge; value. */
    NUMERIC_GREATER_THAN_EQUALS("numeric_greater_than_equals", ValueKind.NUMBER),
    /** found &lt; value. */
    NUMERIC_LESS_THAN("numeric_less_than", ValueKind.NUMBER),
    /** found &le; value. */
    NUMERIC_LESS_THAN_EQUALS("numeric_less_than_equals", ValueKind.NUMBER),
    /** found = value, numerically. */
    NUMERIC_EQUALS("numeric_equals", ValueKind.NUMBER),
    /** low &le; found &le; high, for value [low, high] with low &le; high. */
    NUMERIC_BETWEEN("numeric_between", ValueKind.NUMBER_RANGE),
    /** found is a string equal to value, case-sensitive. */
    STRING_EQUALS("string_equals", ValueKind.STRING),
    /** found is a string equal to one of the strings in value, case-sensitive. */
    STRING_IN("string_in", ValueKind.STRING_LIST),
    /** found is a string that contains value, case-sensitive. */
    STRING_CONTAINS("string_contains", ValueKind.STRING),
    /**
     * value true: the path finds a non-null value; value false: it finds nothing (the one operator
     * for which finding nothing can satisfy the condition).
     */
    EXISTS("exists", ValueKind.BOOLEAN),
    /** found is a boolean equal to value. */
    BOOLEAN_EQUALS("boolean_equals", ValueKind.BOOLEAN);

    /** The type of value an operator compares with. */
    public enum ValueKind { NUMBER, NUMBER_RANGE, STRING, STRING_LIST, BOOLEAN }

    private final String wireName;
    private final ValueKind valueKind;

    Operator(String wireName, ValueKind valueKind) {
        this.wireName = wireName;
        this.valueKind = valueKind;
    }

    public String wireName() {
        return wireName;
    }

    public ValueKind valueKind() {
        return valueKind;
    }

    public static Optional<Operator> named(String name) {
        for (Operator operator : values()) {
            if (operator.wireName.equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    /**
     * Prepares the test of found values against a condition value of this operator's kind (as
     * checked when the campaign was written).
     */
    public Predicate<Object> against(Object value) {
        Predicate<Object> single = single(value);
        if (this == EXISTS) {
            boolean wanted = (Boolean) value;
            return found -> (found instanceof List<?> list ? !list.isEmpty() : found != null) == wanted;
        }
        // no single test holds for a list: a list is looked at only once the value itself failed (an
        // interface type check that fails scans the class's interfaces: most values are not lists)
        return found -> single.test(found) || found instanceof List<?> list && list.stream().anyMatch(single);
    }

    private Predicate<Object> single(Object value) {
        return switch (this) {
            case NUMERIC_GREATER_THAN -> numeric(value, c -> c > 0);
            case NUMERIC_GREATER_THAN_EQUALS -> numeric(value, c -> c >= 0);
            case NUMERIC_LESS_THAN -> numeric(value, c -> c < 0);
            case NUMERIC_LESS_THAN_EQUALS -> numeric(value, c -> c <= 0);
            case NUMERIC_EQUALS -> numeric(value, c -> c == 0);
            case NUMERIC_BETWEEN -> between((List<?>) value);
            case STRING_EQUALS -> found -> value.equals(found);
            case STRING_IN -> in((List<?>) value);
            case STRING_CONTAINS -> found -> found instanceof String s && s.contains((String) value);
            case EXISTS -> found -> found != null;
            case BOOLEAN_EQUALS -> found -> value.equals(found);
        };
    }

    private interface Comparison {
        boolean holds(int comparison);
    }

    private static Predicate<Object> numeric(Object value, Comparison comparison) {
        BigDecimal expected = (BigDecimal) value;
        return found -> {
            BigDecimal number = Numbers.of(found);
            return number != null && comparison.holds(number.compareTo(expected));
        };
    }

    private static Predicate<Object> between(List<?> range) {
        BigDecimal low = (BigDecimal) range.get(0);
        BigDecimal high = (BigDecimal) range.get(1);
        return found -> {
            BigDecimal number = Numbers.of(found);
            return number != null && number.compareTo(low) >= 0 && number.compareTo(high) <= 0;
        };
    }

    private static Predicate<Object> in(List<?> values) {
        Set<?> set = Set.copyOf(values);
        return found -> found instanceof String s && set.contains(s);
    }
}
