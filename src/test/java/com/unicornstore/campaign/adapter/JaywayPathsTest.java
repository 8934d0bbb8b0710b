package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.unicornstore.campaign.domain.PathLanguage.DocumentPath;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaywayPathsTest {

    private static final Configuration JAYWAY = Configuration.defaultConfiguration()
            .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS);

    private final JaywayPaths paths = new JaywayPaths();

    private static Map<String, Object> event() {
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("nothing", null);
        return Map.of("amount", 1700, "customer", Map.of("tier", "gold", "tags", List.of("vip", "early")),
                "items", List.of(Map.of("price", 10), Map.of("price", 250)), "nulls", nulls, "flag", true,
                "text", "plain", "with_underscore_1", 5);
    }

    @Test
    void every_path_reads_what_jayway_reads_on_the_same_event() {
        List<String> expressions = List.of("$.amount", "$.customer.tier", "$.customer.tags", "$.customer.missing",
                "$.missing.deeper", "$.text.length", "$.items.price", "$.nulls.nothing", "$.flag", "$.with_underscore_1",
                "$['amount']", "$.items[1].price", "$.items[*].price", "$.items[?(@.price > 100)].price",
                "$.customer.tags[0]", "$.amount.x");
        for (String expression : expressions) {
            Object expected = JsonPath.compile(expression).read(event(), JAYWAY);
            Object actual = paths.compile(expression).read(event());
            assertThat(actual).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void only_plain_dotted_names_take_the_direct_reading() {
        assertThat(JaywayPaths.dottedNames("$.customer.tier")).containsExactly("customer", "tier");
        assertThat(Arrays.asList(JaywayPaths.dottedNames("$['amount']"), JaywayPaths.dottedNames("$.items[0]"),
                JaywayPaths.dottedNames("$..price"), JaywayPaths.dottedNames("$.a.*"), JaywayPaths.dottedNames("$")))
                .containsOnlyNulls();
    }

    @Test
    void definite_and_indefinite_paths_are_told_apart_and_bad_paths_refused() {
        DocumentPath definite = paths.compile("$.items[0].price");
        DocumentPath wildcard = paths.compile("$.items[*].price");

        assertThat(definite.definite()).isTrue();
        assertThat(wildcard.definite()).isFalse();
        assertThat(wildcard.read(Map.of())).isEqualTo(List.of());
        assertThatThrownBy(() -> paths.compile("amount")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.compile("$..price")).hasMessageContaining("deep scans");
        assertThatThrownBy(() -> paths.compile("$.items.length()")).hasMessageContaining("functions");
        assertThatThrownBy(() -> paths.compile("$[?(@.id =~ /(a+)+$/)]")).hasMessageContaining("regular expressions");
        assertThatThrownBy(() -> paths.compile("$.a..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paths.compile("$[?(@.x >)]")).isInstanceOf(IllegalArgumentException.class);
    }
}
