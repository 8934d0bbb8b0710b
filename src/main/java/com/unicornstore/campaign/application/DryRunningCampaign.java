package com.unicornstore.campaign.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignEngine;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.campaign.domain.EventDocument;
import com.unicornstore.campaign.domain.Evaluation;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import java.util.List;

/**
 * Evaluates a purchase event against one campaign, exactly as a purchase would (status and window
 * included), and records nothing: what a campaign author runs before a change goes live.
 */
public final class DryRunningCampaign {

    private final CampaignStore store;
    private final CampaignEngine engine;
    private final PurchaseEvents events;

    public DryRunningCampaign(CampaignStore store, CampaignEngine engine, PurchaseEvents events) {
        this.store = store;
        this.engine = engine;
        this.events = events;
    }

    public Evaluation evaluate(String client, String name, ObjectNode purchaseEvent) {
        Identifiers.require("client", client);
        Identifiers.require("campaign_name", name);
        JsonNode eventClient = purchaseEvent.get("client");
        if (eventClient == null || eventClient.isNull()) {
            purchaseEvent.put("client", client);
        } else if (!client.equals(eventClient.textValue())) {
            throw Rejection.invalid("client", "the event's client differs from the campaign's client '" + client + "'");
        }
        EventDocument event = events.read(purchaseEvent);
        Campaign campaign = store.find(client, name).orElseThrow(() -> CampaignRejections.unknown(client, name));
        return EvaluatingPurchase.logged(engine.evaluate(List.of(campaign), event));
    }
}
