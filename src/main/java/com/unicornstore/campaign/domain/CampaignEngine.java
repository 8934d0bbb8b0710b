package com.unicornstore.campaign.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides the points of a purchase event: every active campaign of the event's client whose window
 * contains the event's time counts, each capped on its own, and their points are summed. Matches
 * are listed by campaign priority, highest first. At most {@code maxPerClient} campaigns are
 * evaluated (the highest priorities); a campaign beyond them, or one that cannot be evaluated, is
 * skipped and listed, and the others still count.
 */
public final class CampaignEngine {

    private static final Comparator<Campaign> BY_PRIORITY =
            Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::name);

    private final CompiledCampaigns compiled;
    private final int maxPerClient;

    public CampaignEngine(CompiledCampaigns compiled, int maxPerClient) {
        this.compiled = compiled;
        this.maxPerClient = maxPerClient;
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
        for (int i = 0; i < applicable.size(); i++) {
            Campaign campaign = applicable.get(i);
            total = total.plus(i < maxPerClient ? evaluate(campaign, event) : Evaluation.skipping(campaign,
                    "beyond the cap of " + maxPerClient + " campaigns per client"));
        }
        return total;
    }

    /** One campaign; whatever it throws skips it alone, never the purchase. */
    private Evaluation evaluate(Campaign campaign, EventDocument event) {
        try {
            return compiled.of(campaign).evaluate(event);
        } catch (RuntimeException failed) {
            return Evaluation.skipping(campaign, "cannot be evaluated: " + failed);
        }
    }
}
