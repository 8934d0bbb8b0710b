package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.campaign.domain.CompiledCampaigns;
import com.unicornstore.platform.domain.Identifiers;

/** Deletes a campaign; 404 when there is none of that name. */
public final class DeletingCampaign {

    private final CampaignStore store;
    private final CompiledCampaigns compiled;

    public DeletingCampaign(CampaignStore store, CompiledCampaigns compiled) {
        this.store = store;
        this.compiled = compiled;
    }

    public void delete(String client, String name) {
        Identifiers.require("client", client);
        Identifiers.require("campaign_name", name);
        if (!store.delete(client, name)) {
            throw CampaignRejections.unknown(client, name);
        }
        compiled.forget(client, name);
    }
}
