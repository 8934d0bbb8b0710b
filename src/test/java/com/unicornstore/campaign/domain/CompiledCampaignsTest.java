package com.unicornstore.campaign.domain;

import static com.unicornstore.campaign.domain.Campaigns.active;
import static com.unicornstore.campaign.domain.Campaigns.demoRule;
import static com.unicornstore.campaign.domain.Campaigns.issue;
import static com.unicornstore.campaign.domain.Campaigns.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledCampaignsTest {

    private final CompiledCampaigns cache = new CompiledCampaigns(Campaigns.PATHS);

    @Test
    void the_same_version_is_compiled_once() {
        CompiledCampaign first = cache.of(active("1", demoRule()));
        CompiledCampaign again = cache.of(active("1", demoRule()));

        assertThat(again).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void a_new_version_with_changed_rules_is_compiled_afresh_and_evaluated_with_them() {
        cache.of(active("1", demoRule()));
        Campaign changed = new Campaign("UnicornStore", "1", Campaign.Status.ACTIVE,
                List.of(issue("$.amount", Operator.NUMERIC_GREATER_THAN, 100, "$.amount/5")), 0, null, null, null, null, 2);

        assertThat(cache.of(changed).evaluate(purchase(1700)).points()).isEqualTo(340);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void a_recreated_campaign_at_the_same_version_is_not_mistaken_for_the_old_one() {
        cache.of(active("1", demoRule()));
        Campaign recreated = active("1", issue("$.amount", Operator.NUMERIC_GREATER_THAN, 100, "1"));

        assertThat(cache.of(recreated).evaluate(purchase(1700)).points()).isEqualTo(1);
    }

    @Test
    void a_forgotten_campaign_is_dropped() {
        cache.of(active("1", demoRule()));
        cache.forget("UnicornStore", "1");

        assertThat(cache.size()).isZero();
    }
}
