package com.unicornstore.campaign.domain;

import static com.unicornstore.campaign.domain.Campaigns.active;
import static com.unicornstore.campaign.domain.Campaigns.demoRule;
import static com.unicornstore.campaign.domain.Campaigns.issue;
import static com.unicornstore.campaign.domain.Campaigns.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Campaigns that cannot be evaluated, or are one too many, are skipped and listed; the others still count. */
class UnevaluableCampaignsTest {

    private final CompiledCampaigns compiled = new CompiledCampaigns(Campaigns.PATHS);
    private final CampaignEngine engine = new CampaignEngine(compiled, 50);

    /** Stored before paths were restricted: a catastrophic regular expression over the account id. */
    private static Campaign regexCampaign() {
        return active("old-regex", issue("$[?(@.account_id =~ /^(a+)+$/)].amount", Operator.EXISTS, true, "10"));
    }

    @Test
    void a_stored_campaign_with_a_regex_path_is_skipped_with_its_reason_and_the_others_still_count() {
        Evaluation evaluation = engine.evaluate(List.of(active("1", demoRule()), regexCampaign()), purchase(1700));

        assertThat(evaluation.points()).isEqualTo(170);
        assertThat(evaluation.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.campaign()).isEqualTo("old-regex");
            assertThat(skipped.client()).isEqualTo("UnicornStore");
            assertThat(skipped.reason()).contains("rule 0 is refused").contains("regular expressions (=~)");
        });
    }

    @Test
    void a_stored_campaign_with_a_formula_nested_beyond_the_limit_is_skipped() {
        String deep = "(".repeat(2000) + "$.amount" + ")".repeat(2000);
        Campaign nested = active("old-formula", issue("$.amount", Operator.NUMERIC_GREATER_THAN, 0, deep));

        Evaluation evaluation = engine.evaluate(List.of(nested, active("1", demoRule())), purchase(1700));

        assertThat(evaluation.points()).isEqualTo(170);
        assertThat(evaluation.skipped()).extracting(Evaluation.Skipped::reason)
                .singleElement().asString().contains("longer than 500 characters");
    }

    @Test
    void a_refused_campaign_is_compiled_once_not_on_every_purchase() {
        Campaign campaign = regexCampaign();

        assertThat(compiled.of(campaign)).isSameAs(compiled.of(campaign));
    }

    @Test
    void a_campaign_that_throws_while_evaluated_is_skipped_alone() {
        PathLanguage failing = expression -> new PathLanguage.DocumentPath() {
            public String expression() {
                return expression;
            }

            public boolean definite() {
                return true;
            }

            public Object read(java.util.Map<String, ?> document) {
                throw new IllegalStateException("unreadable event");
            }
        };
        CampaignEngine failingEngine = new CampaignEngine(new CompiledCampaigns(failing), 50);

        Evaluation evaluation = failingEngine.evaluate(List.of(active("broken", demoRule())), purchase(1700));

        assertThat(evaluation.points()).isZero();
        assertThat(evaluation.skipped()).extracting(Evaluation.Skipped::reason)
                .singleElement().asString().contains("cannot be evaluated").contains("unreadable event");
    }

    @Test
    void campaigns_beyond_the_cap_per_client_are_skipped_lowest_priority_first() {
        CampaignEngine capped = new CampaignEngine(compiled, 2);
        List<Campaign> three = List.of(withPriority("low", -1), withPriority("high", 10), withPriority("middle", 5));

        Evaluation evaluation = capped.evaluate(three, purchase(1700));

        assertThat(evaluation.points()).isEqualTo(340);
        assertThat(evaluation.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.campaign()).isEqualTo("low");
            assertThat(skipped.reason()).contains("beyond the cap of 2 campaigns per client");
        });
    }

    @Test
    void a_number_too_large_to_compute_with_fails_its_rule_at_once_instead_of_running_long() {
        Campaign campaign = active("huge", issue("$.amount", Operator.EXISTS, true, "floor($.amount + 1)"));

        Evaluation evaluation = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> engine.evaluate(List.of(campaign), purchase(new BigDecimal("1E+999999999"))));

        assertThat(evaluation.points()).isZero();
        assertThat(evaluation.failures()).singleElement().extracting(Evaluation.RuleFailure::reason)
                .asString().contains("is not a number");
    }

    private static Campaign withPriority(String name, int priority) {
        Campaign campaign = active(name, demoRule());
        return new Campaign(campaign.client(), name, campaign.status(), campaign.rules(), priority, null, null, null,
                null, 1);
    }
}
