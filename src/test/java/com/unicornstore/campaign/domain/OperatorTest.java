package com.unicornstore.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorTest {

    private static boolean holds(Operator operator, Object value, Object found) {
        Object expected = value instanceof Integer i ? BigDecimal.valueOf(i) : value;
        return operator.against(expected).test(found);
    }

    @Test
    void numeric_greater_than_is_strictly_greater() {
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, 101)).isTrue();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, 100)).isFalse();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, 100.0)).isFalse();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, new BigDecimal("100.01"))).isTrue();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, 99)).isFalse();
    }

    @Test
    void numeric_greater_than_equals_includes_the_value() {
        assertThat(holds(Operator.NUMERIC_GREATER_THAN_EQUALS, 100, 100)).isTrue();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN_EQUALS, 100, 99.99)).isFalse();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN_EQUALS, 100, 101L)).isTrue();
    }

    @Test
    void numeric_less_than_is_strictly_less() {
        assertThat(holds(Operator.NUMERIC_LESS_THAN, 100, 99)).isTrue();
        assertThat(holds(Operator.NUMERIC_LESS_THAN, 100, 100)).isFalse();
        assertThat(holds(Operator.NUMERIC_LESS_THAN, 100, 101)).isFalse();
    }

    @Test
    void numeric_less_than_equals_includes_the_value() {
        assertThat(holds(Operator.NUMERIC_LESS_THAN_EQUALS, 100, 100)).isTrue();
        assertThat(holds(Operator.NUMERIC_LESS_THAN_EQUALS, 100, 100.001)).isFalse();
        assertThat(holds(Operator.NUMERIC_LESS_THAN_EQUALS, 100, 99)).isTrue();
    }

    @Test
    void numeric_equals_compares_values_not_representations() {
        assertThat(holds(Operator.NUMERIC_EQUALS, 100, 100.0)).isTrue();
        assertThat(holds(Operator.NUMERIC_EQUALS, 100, new BigDecimal("100.000"))).isTrue();
        assertThat(holds(Operator.NUMERIC_EQUALS, 100, 100.5)).isFalse();
    }

    @Test
    void numeric_between_includes_both_ends_and_nothing_outside() {
        List<BigDecimal> range = List.of(BigDecimal.valueOf(10), BigDecimal.valueOf(20));
        assertThat(holds(Operator.NUMERIC_BETWEEN, range, 10)).isTrue();
        assertThat(holds(Operator.NUMERIC_BETWEEN, range, 20)).isTrue();
        assertThat(holds(Operator.NUMERIC_BETWEEN, range, 15)).isTrue();
        assertThat(holds(Operator.NUMERIC_BETWEEN, range, 9.99)).isFalse();
        assertThat(holds(Operator.NUMERIC_BETWEEN, range, 20.01)).isFalse();
    }

    @Test
    void numeric_operators_never_hold_for_strings_booleans_or_nothing() {
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, "1700")).isFalse();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, true)).isFalse();
        assertThat(holds(Operator.NUMERIC_LESS_THAN, 100, null)).isFalse();
        assertThat(holds(Operator.NUMERIC_EQUALS, 0, Double.NaN)).isFalse();
    }

    @Test
    void string_equals_is_exact_and_case_sensitive() {
        assertThat(holds(Operator.STRING_EQUALS, "web", "web")).isTrue();
        assertThat(holds(Operator.STRING_EQUALS, "web", "Web")).isFalse();
        assertThat(holds(Operator.STRING_EQUALS, "web", "web ")).isFalse();
        assertThat(holds(Operator.STRING_EQUALS, "1", 1)).isFalse();
    }

    @Test
    void string_in_holds_for_a_member_only() {
        List<String> weekend = List.of("Saturday", "Sunday");
        assertThat(holds(Operator.STRING_IN, weekend, "Sunday")).isTrue();
        assertThat(holds(Operator.STRING_IN, weekend, "Monday")).isFalse();
        assertThat(holds(Operator.STRING_IN, weekend, "sunday")).isFalse();
        assertThat(holds(Operator.STRING_IN, weekend, null)).isFalse();
    }

    @Test
    void string_contains_holds_for_a_substring() {
        assertThat(holds(Operator.STRING_CONTAINS, "Air", "Unicorn Air (2023 Model)")).isTrue();
        assertThat(holds(Operator.STRING_CONTAINS, "Air", "Unicorn air")).isFalse();
        assertThat(holds(Operator.STRING_CONTAINS, "", "anything")).isTrue();
    }

    @Test
    void exists_true_needs_a_value_and_exists_false_needs_nothing() {
        assertThat(holds(Operator.EXISTS, true, "x")).isTrue();
        assertThat(holds(Operator.EXISTS, true, 0)).isTrue();
        assertThat(holds(Operator.EXISTS, true, null)).isFalse();
        assertThat(holds(Operator.EXISTS, false, null)).isTrue();
        assertThat(holds(Operator.EXISTS, false, "x")).isFalse();
        assertThat(holds(Operator.EXISTS, true, List.of())).isFalse();
        assertThat(holds(Operator.EXISTS, false, List.of())).isTrue();
    }

    @Test
    void boolean_equals_needs_a_real_boolean() {
        assertThat(holds(Operator.BOOLEAN_EQUALS, true, true)).isTrue();
        assertThat(holds(Operator.BOOLEAN_EQUALS, true, false)).isFalse();
        assertThat(holds(Operator.BOOLEAN_EQUALS, true, "true")).isFalse();
        assertThat(holds(Operator.BOOLEAN_EQUALS, false, null)).isFalse();
    }

    @Test
    void a_list_found_satisfies_the_condition_when_any_element_does() {
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, List.of(5, 150))).isTrue();
        assertThat(holds(Operator.NUMERIC_GREATER_THAN, 100, List.of(5, 100))).isFalse();
        assertThat(holds(Operator.STRING_IN, List.of("a"), List.of())).isFalse();
    }

    @Test
    void every_operator_but_exists_looks_into_a_list_found_and_never_takes_the_list_for_a_value() {
        record Case(Operator operator, Object value, Object satisfying, Object not) {}
        List<Case> cases = List.of(
                new Case(Operator.NUMERIC_GREATER_THAN, 100, 101, 100),
                new Case(Operator.NUMERIC_GREATER_THAN_EQUALS, 100, 100, 99),
                new Case(Operator.NUMERIC_LESS_THAN, 100, 99, 100),
                new Case(Operator.NUMERIC_LESS_THAN_EQUALS, 100, 100, 101),
                new Case(Operator.NUMERIC_EQUALS, 100, 100.0, 101),
                new Case(Operator.NUMERIC_BETWEEN, List.of(BigDecimal.ONE, BigDecimal.TEN), 5, 11),
                new Case(Operator.STRING_EQUALS, "web", "web", "Web"),
                new Case(Operator.STRING_IN, List.of("a", "b"), "b", "c"),
                new Case(Operator.STRING_CONTAINS, "Air", "Unicorn Air", "Unicorn"),
                new Case(Operator.BOOLEAN_EQUALS, true, true, false));
        assertThat(cases).extracting(Case::operator).containsAll(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Operator.EXISTS)));
        for (Case c : cases) {
            assertThat(holds(c.operator(), c.value(), c.satisfying())).as("%s", c).isTrue();
            assertThat(holds(c.operator(), c.value(), c.not())).as("%s", c).isFalse();
            assertThat(holds(c.operator(), c.value(), List.of(c.not(), c.satisfying()))).as("%s", c).isTrue();
            assertThat(holds(c.operator(), c.value(), List.of(c.not()))).as("%s", c).isFalse();
            assertThat(holds(c.operator(), c.value(), List.of())).as("%s", c).isFalse();
            // a list is never the value itself: [value] as the found value only holds through its element
            assertThat(holds(c.operator(), c.value(), List.of(List.of(c.not())))).as("%s", c).isFalse();
        }
    }

    @Test
    void every_operator_has_its_documented_wire_name() {
        assertThat(Operator.values()).extracting(Operator::wireName).containsExactly(
                "numeric_greater_than", "numeric_greater_than_equals", "numeric_less_than",
                "numeric_less_than_equals", "numeric_equals", "numeric_between", "string_equals", "string_in",
                "string_contains", "exists", "boolean_equals");
        assertThat(Operator.named("numeric_greater_or_equal")).isEmpty();
    }
}
