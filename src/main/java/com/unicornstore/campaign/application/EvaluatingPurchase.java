package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.CampaignEngine;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.campaign.domain.EventDocument;
import com.unicornstore.campaign.domain.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides the points a purchase event earns under every campaign of its client. */
public final class EvaluatingPurchase {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatingPurchase.class);

    private final CampaignStore store;
    private final CampaignEngine engine;
    private final PurchaseEvents events;

    public EvaluatingPurchase(CampaignStore store, CampaignEngine engine, PurchaseEvents events) {
        this.store = store;
        this.engine = engine;
        this.events = events;
    }

    public Evaluation evaluate(Object purchaseEvent) {
        EventDocument event = events.read(purchaseEvent);
        return logged(engine.evaluate(store.ofClient(event.client()), event));
    }

    /**
     * Rules that counted 0 because their formula failed, and campaigns skipped whole, are worth a
     * warning: their author should know.
     */
    static Evaluation logged(Evaluation evaluation) {
        for (Evaluation.Skipped skipped : evaluation.skipped()) {
            LOG.warn("Campaign '{}' of client '{}' skipped: {}; the others still count", skipped.campaign(),
                    skipped.client(), skipped.reason());
        }
        for (Evaluation.RuleFailure failure : evaluation.failures()) {
            LOG.warn("Campaign '{}' of client '{}', rule {}: formula failed ({}); the rule counts 0",
                    failure.campaign(), failure.client(), failure.rule(), failure.reason());
        }
        return evaluation;
    }
}
