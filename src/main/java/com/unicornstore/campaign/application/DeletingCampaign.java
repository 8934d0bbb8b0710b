package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.campaign.domain.CompiledCampaigns;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a campaign; 404 when there is none of that name. The item, and its history with it, is
 * gone: who deleted it is recorded in the audit log ({@code unicorn.audit}).
 */
public final class DeletingCampaign {

    private static final Logger AUDIT = LoggerFactory.getLogger("unicorn.audit");

    private final CampaignStore store;
    private final CompiledCampaigns compiled;

    public DeletingCampaign(CampaignStore store, CompiledCampaigns compiled) {
        this.store = store;
        this.compiled = compiled;
    }

    public void delete(String client, String name, Origin origin) {
        Identifiers.require("client", client);
        Identifiers.require("campaign_name", name);
        if (!store.delete(client, name)) {
            throw CampaignRejections.unknown(client, name);
        }
        compiled.forget(client, name);
        AUDIT.info("{} deleted campaign {}/{} (channel {}, message {})", origin.principal(), client, name,
                origin.channel(), origin.messageId());
    }
}
