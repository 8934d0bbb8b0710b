package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.platform.domain.Identifiers;

/** Reads one campaign; 404 when there is none of that name. */
public final class ReadingCampaign {

    private final CampaignStore store;

    public ReadingCampaign(CampaignStore store) {
        this.store = store;
    }

    public Campaign read(String client, String name) {
        Identifiers.require("client", client);
        Identifiers.require("campaign_name", name);
        return store.find(client, name).orElseThrow(() -> CampaignRejections.unknown(client, name));
    }
}
