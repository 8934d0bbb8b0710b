package com.unicornstore.campaign.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.adapter.JaywayPaths;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.Command;
import com.unicornstore.campaign.domain.Operator;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_RULE = "{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
            + "\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}";

    private final CampaignValidation validation = new CampaignValidation(JSON, new JaywayPaths());

    private static ObjectNode document(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Violation> violations(String json) {
        Rejection rejection = catchThrowableOfType(Rejection.class, () -> validation.check(document(json)));
        assertThat(rejection).as("refused").isNotNull();
        assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
        return rejection.violations();
    }

    private static String campaignWithFormula(String formula) throws JsonProcessingException {
        return "{\"client\":\"UnicornStore\",\"campaign_name\":\"x\",\"rules\":[{\"variable\":\"$.amount\","
                + "\"condition\":{\"rule\":\"exists\",\"value\":true},\"action\":{\"command\":\"issue\",\"formula\":"
                + JSON.writeValueAsString(formula) + "}}]}";
    }

    @Test
    void the_demo_campaign_is_valid_and_reads_as_written() {
        ObjectNode document = document("{\"client\":\"UnicornStore\",\"campaign_name\":\"1\",\"rules\":[" + DEMO_RULE + "]}");

        validation.check(document);
        Campaign campaign = CampaignJson.toCampaign(document, 1);

        assertThat(campaign.status()).isEqualTo(Campaign.Status.ACTIVE);
        assertThat(campaign.rules()).hasSize(1);
        assertThat(campaign.rules().get(0).condition().operator()).isEqualTo(Operator.NUMERIC_GREATER_THAN);
        assertThat((BigDecimal) campaign.rules().get(0).condition().value()).isEqualByComparingTo("100");
        assertThat(campaign.rules().get(0).action().command()).isEqualTo(Command.ISSUE);
        assertThat(CampaignJson.toDocument(campaign).get("rules").get(0).toString()).isEqualTo(DEMO_RULE);
    }

    @Test
    void rules_given_as_a_string_holding_an_array_are_stored_as_the_array() throws JsonProcessingException {
        ObjectNode document = document("{\"client\":\"UnicornStore\",\"campaign_name\":\"1\",\"rules\":"
                + JSON.writeValueAsString("[" + DEMO_RULE + "]") + "}");

        validation.check(document);

        assertThat(document.get("rules").isArray()).isTrue();
        assertThat(document.get("rules").get(0).toString()).isEqualTo(DEMO_RULE);
    }

    @Test
    void a_string_that_holds_no_array_is_refused_at_rules() {
        assertThat(violations("{\"client\":\"UnicornStore\",\"campaign_name\":\"1\",\"rules\":\"not json\"}"))
                .extracting(Violation::field).contains("/rules");
    }

    @Test
    void every_problem_is_listed_with_its_json_pointer() {
        List<Violation> violations = violations("{\"client\":\"Unicorn Store\",\"status\":\"paused\",\"rules\":["
                + "{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_or_equal\",\"value\":1},"
                + "\"action\":{\"command\":\"issue\",\"formula\":\"1\"}},"
                + "{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\",\"value\":\"100\"},"
                + "\"action\":{\"command\":\"print\",\"formula\":\"$.amount/\"}},"
                + "{\"variable\":\"$.items[0\",\"condition\":{\"rule\":\"numeric_between\",\"value\":[20,10]},"
                + "\"action\":{\"command\":\"issue\",\"formula\":\"os.system('id')\"}}],"
                + "\"valid_from\":\"2025-02-01T00:00:00Z\",\"valid_to\":\"2025-01-01T00:00:00Z\",\"colour\":\"pink\"}");

        assertThat(violations).extracting(Violation::field).contains(
                "/client", "/campaign_name", "/status", "/rules/0/condition/rule", "/rules/1/condition/value",
                "/rules/1/action/command", "/rules/1/action/formula", "/rules/2/variable", "/rules/2/condition/value",
                "/rules/2/action/formula", "/valid_to", "/");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void formulas_that_try_to_run_code_are_refused_at_their_pointer() throws JsonProcessingException {
        for (String formula : List.of("__import__('os').system('id')", "java.lang.Runtime.getRuntime().exec('id')",
                "${T(java.lang.Runtime)}", "$.amount/", "1" + "+1".repeat(2_500))) {
            assertThat(violations(campaignWithFormula(formula))).as(formula)
                    .extracting(Violation::field).containsExactly("/rules/0/action/formula");
        }
    }

    @Test
    void a_formula_of_exactly_500_characters_is_accepted_and_501_is_not() throws JsonProcessingException {
        String fiveHundred = "1" + "+1".repeat(249) + " ";
        assertThat(fiveHundred).hasSize(500);

        validation.check(document(campaignWithFormula(fiveHundred)));
        assertThatThrownBy(() -> validation.check(document(campaignWithFormula(fiveHundred + " "))))
                .isInstanceOf(Rejection.class).hasMessageContaining("/rules/0/action/formula");
    }

    @Test
    void each_operator_takes_only_its_kind_of_value() {
        List<Violation> violations = violations("{\"client\":\"c\",\"campaign_name\":\"n\",\"rules\":["
                + rule("string_in", "\"Saturday\"") + "," + rule("exists", "1") + "," + rule("boolean_equals", "\"true\"")
                + "," + rule("numeric_between", "[1]") + "," + rule("string_equals", "5") + "]}");

        assertThat(violations).extracting(Violation::field).contains("/rules/0/condition/value",
                "/rules/1/condition/value", "/rules/2/condition/value", "/rules/3/condition/value", "/rules/4/condition/value");
    }

    private static String rule(String operator, String value) {
        return "{\"variable\":\"$.x\",\"condition\":{\"rule\":\"" + operator + "\",\"value\":" + value
                + "},\"action\":{\"command\":\"issue\",\"formula\":\"1\"}}";
    }
}
