package com.unicornstore.campaign.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSONPath subset rules may use: what a purchase event needs, and nothing that can run long. */
class RulePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.amount", "$.customer.tier", "$['unit-price']", "$[\"amount\"]", "$.items[0].price",
            "$.items[-1]", "$.items[*].price", "$.a.*", "$.items[?(@.price > 100)].price",
            "$.items[?(@.sku == 'A-1' && @.price >= 10.5)]", "$.items[?(@.tags[0] != null || @.gift)].price",
            "$.items[?(@['unit-price'] < -3)]", "$.items[?(@.vip == true)]"})
    void paths_a_purchase_event_needs_are_allowed(String path) {
        assertThatCode(() -> RulePaths.check(path)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$[?(@.account_id =~ /^(a+)+$/)].amount | regular expressions (=~) are not allowed",
            "$.items[?(@.name=~/x/)] | regular expressions (=~) are not allowed",
            "$..price | deep scans (..) are not allowed",
            "$.items..price | deep scans (..) are not allowed",
            "$.items.length() | functions are not allowed",
            "$.items[(@.length-1)] | expected 'name', an index, * or a filter",
            "$.items[?(@.price in [1, 2])] | compares with == != < <= > >= only",
            "$.items[?(@.a[?(@.b == 1)])] | expected 'name', an index",
            "$.items[?(@.a == 1 && @.b == 2 && @.c == 3 && @.d == 4 && @.e == 5)] | at most 4 comparisons",
            "$.a.b.c.d.e.f.g.h.i.j.k | at most 10 steps",
            "$['it\\'s'] | escapes are not allowed",
            "$.items[1234567890] | at most 9 digits",
            "amount | starts with $"})
    void anything_that_can_run_long_is_refused_saying_what(String path, String reason) {
        assertThatThrownBy(() -> RulePaths.check(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void a_path_over_200_characters_is_refused() {
        assertThatThrownBy(() -> RulePaths.check("$." + "a".repeat(RulePaths.MAX_LENGTH)))
                .hasMessageContaining("at most 200 characters");
    }
}
