package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.platform.domain.Origin;
import java.time.Clock;

/**
 * Stamps every write of a campaign with who made it and when: the next version of the stored
 * campaign, its history holding at most {@code unicorn.campaigns.change-history} changes.
 */
public final class CampaignChanges {

    private final Clock clock;
    private final int keep;

    public CampaignChanges(Clock clock, int keep) {
        this.clock = clock;
        this.keep = keep;
    }

    /** {@code definition} as the next version of {@code stored} (null for a new campaign), made by {@code origin}. */
    public Campaign next(Campaign definition, Campaign stored, Origin origin) {
        return definition.changedFrom(stored, origin, clock.instant(), keep);
    }
}
