package com.unicornstore.campaign.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;

/** Creates a campaign from its document: validated in full, written only when the name is free and the client is under its cap. */
public final class CreatingCampaign {

    private final CampaignsPerClient store;
    private final CampaignValidation validation;

    public CreatingCampaign(CampaignsPerClient store, CampaignValidation validation) {
        this.store = store;
        this.validation = validation;
    }

    public Campaign create(ObjectNode document) {
        validation.check(document);
        Campaign campaign = CampaignJson.toCampaign(document, 1);
        if (!store.createIfAbsent(campaign)) {
            throw CampaignRejections.alreadyExists(campaign.client(), campaign.name());
        }
        return campaign;
    }
}
