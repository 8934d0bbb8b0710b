package com.unicornstore.campaign.domain;

import static com.unicornstore.campaign.domain.Campaigns.NOON;
import static com.unicornstore.campaign.domain.Campaigns.active;
import static com.unicornstore.campaign.domain.Campaigns.demoRule;
import static com.unicornstore.campaign.domain.Campaigns.event;
import static com.unicornstore.campaign.domain.Campaigns.issue;
import static com.unicornstore.campaign.domain.Campaigns.purchase;
import static com.unicornstore.campaign.domain.Campaigns.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignEngineTest {

    private final CampaignEngine engine = new CampaignEngine(new CompiledCampaigns(Campaigns.PATHS), 50);

    private long points(List<Campaign> campaigns, EventDocument event) {
        return engine.evaluate(campaigns, event).points();
    }

    @ParameterizedTest(name = "amount {0} earns {1}")
    @CsvSource({"1700, 170", "100, 0", "101, 10", "99, 0", "1709, 170", "100.5, 10"})
    void the_demo_rule_issues_a_tenth_of_amounts_strictly_over_100(String amount, long expected) {
        Object value = amount.contains(".") ? new java.math.BigDecimal(amount) : (Object) Long.parseLong(amount);
        assertThat(points(List.of(active("1", demoRule())), purchase(value))).isEqualTo(expected);
    }

    @Test
    void the_demo_rule_reports_what_matched() {
        Evaluation evaluation = engine.evaluate(List.of(active("1", demoRule())), purchase(1700));

        assertThat(evaluation.matched()).containsExactly(new Evaluation.Match("1", 0, 170));
    }

    @Test
    void an_inactive_campaign_earns_nothing() {
        Campaign inactive = new Campaign("UnicornStore", "1", Campaign.Status.INACTIVE, List.of(demoRule()), 0,
                null, null, null, null, 1);

        assertThat(engine.evaluate(List.of(inactive), purchase(1700))).isEqualTo(Evaluation.NONE);
    }

    @Test
    void two_active_campaigns_earn_the_sum_of_both() {
        Campaign tenth = active("tenth", demoRule());
        Campaign perUnit = active("per-unit", issue("$.quantity", Operator.NUMERIC_GREATER_THAN_EQUALS, 1, "$.quantity*5"));

        Evaluation evaluation = engine.evaluate(List.of(tenth, perUnit), purchase(1700));

        assertThat(evaluation.points()).isEqualTo(175);
        assertThat(evaluation.matched()).extracting(Evaluation.Match::campaign).containsExactlyInAnyOrder("tenth", "per-unit");
    }

    @Test
    void a_multiply_rule_on_a_weekend_doubles_the_campaign_and_does_nothing_on_a_weekday() {
        Campaign campaign = active("weekend", demoRule(), rule("$.day_of_week", Operator.STRING_IN,
                List.of("Saturday", "Sunday"), Command.MULTIPLY, "2"));

        long saturday = points(List.of(campaign), event(Map.of("amount", 1700, "day_of_week", "Saturday")));
        long monday = points(List.of(campaign), event(Map.of("amount", 1700, "day_of_week", "Monday")));

        assertThat(saturday).isEqualTo(340);
        assertThat(monday).isEqualTo(170);
    }

    @Test
    void a_multiply_rule_multiplies_its_own_campaign_only() {
        Campaign doubled = active("doubled", demoRule(), rule("$.amount", Operator.EXISTS, true, Command.MULTIPLY, "2"));
        Campaign other = active("other", issue("$.amount", Operator.EXISTS, true, "7"));

        Evaluation evaluation = engine.evaluate(List.of(doubled, other), purchase(1700));

        assertThat(evaluation.points()).isEqualTo(347);
        assertThat(evaluation.matched()).contains(new Evaluation.Match("doubled", 1, 170));
    }

    @Test
    void the_variable_is_really_evaluated_so_a_rule_on_quantity_ignores_the_amount() {
        Campaign bulk = active("bulk", issue("$.quantity", Operator.NUMERIC_GREATER_THAN, 2, "50"));

        assertThat(points(List.of(bulk), event(Map.of("amount", 99_999, "quantity", 1)))).isZero();
        assertThat(points(List.of(bulk), event(Map.of("amount", 1, "quantity", 3)))).isEqualTo(50);
    }

    @Test
    void a_path_that_finds_nothing_makes_the_condition_false() {
        Campaign campaign = active("c", issue("$.loyalty.tier", Operator.STRING_EQUALS, "gold", "100"),
                issue("$.coupon", Operator.NUMERIC_LESS_THAN, 1_000_000, "100"));

        assertThat(engine.evaluate(List.of(campaign), purchase(1700))).isEqualTo(Evaluation.NONE);
    }

    @Test
    void a_failing_formula_counts_zero_is_reported_and_the_other_rules_still_count() {
        Campaign campaign = active("c", issue("$.amount", Operator.EXISTS, true, "$.amount / $.zero"), demoRule());

        Evaluation evaluation = engine.evaluate(List.of(campaign), event(Map.of("amount", 1700, "zero", 0)));

        assertThat(evaluation.points()).isEqualTo(170);
        assertThat(evaluation.failures()).containsExactly(
                new Evaluation.RuleFailure("UnicornStore", "c", 0, "division by zero"));
        assertThat(evaluation.matched()).contains(new Evaluation.Match("c", 0, 0));
    }

    @Test
    void negative_results_count_zero_and_fractions_are_rounded_down() {
        Campaign campaign = active("c", issue("$.amount", Operator.EXISTS, true, "$.amount - 5000"),
                issue("$.amount", Operator.EXISTS, true, "0.99"), issue("$.amount", Operator.EXISTS, true, "$.amount/1000"));

        assertThat(points(List.of(campaign), purchase(1999))).isEqualTo(1);
    }

    @Test
    void the_cap_limits_one_campaign_and_not_the_others() {
        Campaign capped = new Campaign("UnicornStore", "capped", Campaign.Status.ACTIVE, List.of(demoRule()), 0,
                null, null, 50L, null, 1);
        Campaign uncapped = active("uncapped", demoRule());

        assertThat(points(List.of(capped, uncapped), purchase(1700))).isEqualTo(220);
    }

    @Test
    void only_campaigns_of_the_event_client_and_window_count() {
        Campaign otherClient = new Campaign("OtherStore", "1", Campaign.Status.ACTIVE, List.of(demoRule()), 0,
                null, null, null, null, 1);
        Campaign endsAtNoon = new Campaign("UnicornStore", "ended", Campaign.Status.ACTIVE, List.of(demoRule()), 0,
                null, NOON, null, null, 1);
        Campaign startsAtNoon = new Campaign("UnicornStore", "started", Campaign.Status.ACTIVE, List.of(demoRule()), 0,
                NOON, NOON.plusSeconds(1), null, null, 1);

        Evaluation evaluation = engine.evaluate(List.of(otherClient, endsAtNoon, startsAtNoon), purchase(1700));

        assertThat(evaluation.points()).isEqualTo(170);
        assertThat(evaluation.matched()).extracting(Evaluation.Match::campaign).containsExactly("started");
    }

    @Test
    void matches_are_listed_by_priority_highest_first() {
        Campaign low = new Campaign("UnicornStore", "a-low", Campaign.Status.ACTIVE, List.of(demoRule()), 1,
                null, null, null, null, 1);
        Campaign high = new Campaign("UnicornStore", "z-high", Campaign.Status.ACTIVE, List.of(demoRule()), 9,
                null, null, null, null, 1);

        assertThat(engine.evaluate(List.of(low, high), purchase(1700)).matched())
                .extracting(Evaluation.Match::campaign).containsExactly("z-high", "a-low");
    }
}
