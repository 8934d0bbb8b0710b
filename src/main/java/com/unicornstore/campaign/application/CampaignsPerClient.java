package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;

/**
 * Creates campaigns within the cap per client ({@code unicorn.campaigns.max-per-client}), which
 * bounds what one purchase evaluates. Counted before the write and again after it: of two creates
 * racing for the last place, one that finds itself over the cap withdraws its own campaign.
 */
public final class CampaignsPerClient {

    private final CampaignStore store;
    private final int max;

    public CampaignsPerClient(CampaignStore store, int max) {
        this.store = store;
        this.max = max;
    }

    public int max() {
        return max;
    }

    /**
     * @return false when the client already has a campaign of that name (nothing written)
     * @throws com.unicornstore.platform.domain.Rejection when the client has {@code max} campaigns already
     */
    public boolean createIfAbsent(Campaign campaign) {
        if (store.ofClient(campaign.client()).size() >= max) {
            throw CampaignRejections.tooMany(campaign.client(), max);
        }
        if (!store.createIfAbsent(campaign)) {
            return false;
        }
        if (store.ofClient(campaign.client()).size() > max) {
            store.delete(campaign.client(), campaign.name());
            throw CampaignRejections.tooMany(campaign.client(), max);
        }
        return true;
    }
}
