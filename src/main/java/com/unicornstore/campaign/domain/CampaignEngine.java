package com.unicornstore.campaign.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides the points of a purchase event: every active campaign of the event's client whose window
 * contains the event's time counts, each capped on its own, and their points are summed. Matches
 * are listed by campaign priority, highest first.
 */
public final class CampaignEngine {

    private static final Comparator<Campaign> BY_PRIORITY =
            Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::name);

    private final CompiledCampaigns compiled;

    public CampaignEngine(CompiledCampaigns compiled) {
        this.compiled = compiled;
    }

    public Evaluation evaluate(List<Campaign> candidates, EventDocument event) {
        List<Campaign> applicable = new ArrayList<>(candidates.size());
        for (Campaign campaign : candidates) {
            if (campaign.appliesTo(event.client(), event.occurredAt())) {
                applicable.add(campaign);
            }
        }
        applicable.sort(BY_PRIORITY);
        Evaluation total = Evaluation.NONE;
        for (Campaign campaign : applicable) {
            total = total.plus(compiled.of(campaign).evaluate(event));
        }
        return total;
    }
}
