package com.unicornstore.campaign.domain.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.campaign.adapter.JaywayPaths;
import com.unicornstore.campaign.domain.EventDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaParserTest {

    private final FormulaParser parser = new FormulaParser(new JaywayPaths());
    private final EventDocument event = new EventDocument(Map.of("amount", 1705, "quantity", 3, "zero", 0,
            "price", new BigDecimal("0.29"), "name", "Air", "items", List.of(Map.of("price", 10))),
            "UnicornStore", Instant.EPOCH);

    private BigDecimal value(String formula) {
        return parser.parse(formula).evaluate(event);
    }

    @Test
    void arithmetic_over_json_path_references_follows_the_usual_precedence() {
        assertThat(value("$.amount/10")).isEqualByComparingTo("170.5");
        assertThat(value("1 + 2 * 3")).isEqualByComparingTo("7");
        assertThat(value("(1 + 2) * 3")).isEqualByComparingTo("9");
        assertThat(value("-$.quantity + 10 % 4")).isEqualByComparingTo("-1");
        assertThat(value("$['amount'] - $.items[0].price")).isEqualByComparingTo("1695");
    }

    @Test
    void decimal_arithmetic_is_exact_where_floating_point_is_not() {
        assertThat(value("$.price * 100")).isEqualByComparingTo("29");
        assertThat(value("0.1 + 0.2")).isEqualByComparingTo("0.3");
    }

    @Test
    void the_allowed_functions_compute_what_their_names_say() {
        assertThat(value("min($.quantity*5, 50)")).isEqualByComparingTo("15");
        assertThat(value("max($.quantity*5, 50, 7)")).isEqualByComparingTo("50");
        assertThat(value("floor($.amount/100)")).isEqualByComparingTo("17");
        assertThat(value("ceil($.amount/100)")).isEqualByComparingTo("18");
        assertThat(value("round(2.5)")).isEqualByComparingTo("3");
        assertThat(value("round(2.49)")).isEqualByComparingTo("2");
        assertThat(value("abs(-4)")).isEqualByComparingTo("4");
    }

    @Test
    void a_quotient_is_rounded_down_at_eighteen_places_whatever_its_operands() {
        // whole quotients and powers of ten take a shorter road: the same number as the long division
        long[] dividends = {0, 1, 7, 9, 10, 1700, 1705, -1705, 999_999_999_999_999_999L, -999_999_999_999_999_999L};
        String[] divisors = {"1", "-1", "3", "7", "10", "-10", "100", "1000", "1700", "-20", "1000000000000000000",
                "999999999999999999", "0.5", "2.50", "1E+3", "10.0"};
        Formula quotient = parser.parse("$.x / $.y");
        for (long dividend : dividends) {
            for (String divisor : divisors) {
                BigDecimal y = new BigDecimal(divisor);
                BigDecimal expected = BigDecimal.valueOf(dividend).divide(y, Formula.QUOTIENT_SCALE, RoundingMode.FLOOR);
                BigDecimal actual = quotient.evaluate(new EventDocument(Map.of("x", dividend, "y", y), "c", Instant.EPOCH));
                assertThat(actual).as("%d / %s", dividend, divisor).isEqualByComparingTo(expected);
            }
        }
        assertThat(value("$.amount / 1000")).isEqualByComparingTo("1.705");
    }

    @Test
    void division_by_zero_and_non_numbers_fail_at_run_time_only() {
        Formula byZero = parser.parse("$.amount / $.zero");
        Formula text = parser.parse("$.name * 2");
        Formula missing = parser.parse("$.nothing + 1");

        assertThatThrownBy(() -> byZero.evaluate(event)).isInstanceOf(FormulaFailure.class).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> text.evaluate(event)).isInstanceOf(FormulaFailure.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> missing.evaluate(event)).isInstanceOf(FormulaFailure.class).hasMessageContaining("finds nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "__import__('os').system('id')",
            "java.lang.Runtime.getRuntime().exec('id')",
            "${T(java.lang.Runtime)}",
            "$.amount/",
            "T(java.lang.Runtime).getRuntime()",
            "#{1+1}",
            "exec('id')",
            "System.exit(0)",
            "'a' + 1",
            "$.amount; 1",
            "1 +* 2",
            "floor 2",
            "min()",
            "floor(1, 2)",
            "(1 + 2",
            "1 2",
            "$.items[*].price * 2",
            "$..price",
            "$.amount[",
            ""
    })
    void anything_but_numbers_functions_and_json_path_is_refused(String formula) {
        assertThatThrownBy(() -> parser.parse(formula)).isInstanceOf(FormulaSyntaxException.class);
    }

    @Test
    void refusals_say_what_is_wrong_and_where() {
        assertThatThrownBy(() -> parser.parse("java.lang.Runtime.getRuntime().exec('id')"))
                .hasMessageContaining("unknown name 'java'").hasMessageContaining("position 0");
        assertThatThrownBy(() -> parser.parse("$.amount/")).hasMessageContaining("ends");
        assertThatThrownBy(() -> parser.parse("${T(java.lang.Runtime)}")).hasMessageContaining("$.name");
    }

    @Test
    void a_formula_over_500_characters_or_nested_too_deeply_is_refused_before_it_is_parsed() {
        String tooLong = "1" + "+1".repeat(2_500);
        String tooDeep = "(".repeat(40) + "1" + ")".repeat(40);

        assertThatThrownBy(() -> parser.parse(tooLong)).hasMessageContaining("longer than 500");
        assertThatThrownBy(() -> parser.parse(tooDeep)).hasMessageContaining("nested");
        assertThat(parser.parse("1" + "+1".repeat(249)).evaluate(event)).isEqualByComparingTo("250");
    }
}
