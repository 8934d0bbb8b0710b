package com.unicornstore.campaign.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.platform.domain.Origin;

/** Creates a campaign from its document: validated in full, written only when the name is free and the client is under its cap. */
public final class CreatingCampaign {

    private final CampaignsPerClient store;
    private final CampaignValidation validation;
    private final CampaignChanges changes;

    public CreatingCampaign(CampaignsPerClient store, CampaignValidation validation, CampaignChanges changes) {
        this.store = store;
        this.validation = validation;
        this.changes = changes;
    }

    /** The campaign as created by {@code origin}. */
    public Campaign create(ObjectNode document, Origin origin) {
        validation.check(document);
        Campaign campaign = changes.next(CampaignJson.toCampaign(document, 1), null, origin);
        if (!store.createIfAbsent(campaign)) {
            throw CampaignRejections.alreadyExists(campaign.client(), campaign.name());
        }
        return campaign;
    }
}
