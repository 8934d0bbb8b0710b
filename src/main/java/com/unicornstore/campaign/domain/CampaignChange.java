package com.unicornstore.campaign.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.Objects;

/** One write of a campaign: the version it made, who made it (principal, channel, message id) and when. */
public record CampaignChange(long version, Origin origin, Instant at) {

    public CampaignChange {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(at, "at");
    }
}
