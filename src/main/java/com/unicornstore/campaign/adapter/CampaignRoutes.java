package com.unicornstore.campaign.adapter;

import com.unicornstore.platform.security.Origins;
import com.unicornstore.platform.web.EntityTags;
import org.apache.camel.builder.RouteBuilder;

/**
 * The campaign use cases as routes. {@code direct:campaign.evaluate} is the entry point of other
 * flows (the purchase saga): a purchase event as a Map or JSON text in, {@code {points, matched}} out.
 */
public class CampaignRoutes extends RouteBuilder {

    private static final String CLIENT_AND_NAME = "${header.client}, ${header.campaign_name}";
    /** The versions a PATCH's If-Match accepts (none: any). */
    private static final String EXPECTED_VERSIONS = "campaignExpectedVersions";
    /** Who makes the change (principal, channel, message id), recorded on the campaign. */
    private static final String ORIGIN = "campaignOrigin";
    private static final String BY_ORIGIN = "${exchangeProperty." + ORIGIN + "}";

    @Override
    public void configure() {
        from("direct:campaign.evaluate").routeId("campaign.evaluate")
                .bean("evaluatingPurchase", "evaluate")
                .bean(CampaignReplies.class, "evaluation");

        from("direct:campaign.dry-run").routeId("campaign.dry-run")
                .bean("jsonBodies", "readObject")
                .bean("dryRunningCampaign", "evaluate(" + CLIENT_AND_NAME + ", ${body})")
                .bean(CampaignReplies.class, "evaluation")
                .bean("jsonResponses", "ok");

        from("direct:campaign.list").routeId("campaign.list")
                .bean("listingCampaigns", "list(${header.client}, ${header.limit}, ${header.cursor})")
                .bean("jsonResponses", "ok");

        from("direct:campaign.create").routeId("campaign.create")
                .bean("jsonBodies", "readObject")
                .setProperty(ORIGIN, method(Origins.class, "of"))
                .bean("creatingCampaign", "create(${body}, " + BY_ORIGIN + ")")
                .bean(CampaignReplies.class, "document")
                .bean("jsonResponses", "created");

        from("direct:campaign.get").routeId("campaign.get")
                .bean("readingCampaign", "read(" + CLIENT_AND_NAME + ")")
                .bean(CampaignReplies.class, "document")
                .bean("jsonResponses", "ok");

        from("direct:campaign.change").routeId("campaign.change")
                .bean("jsonBodies", "readObject")
                .setProperty(EXPECTED_VERSIONS, method(EntityTags.class, "expectedVersions"))
                .setProperty(ORIGIN, method(Origins.class, "of"))
                .bean("changingCampaign", "change(" + CLIENT_AND_NAME + ", ${body}, ${exchangeProperty." + EXPECTED_VERSIONS
                        + "}, " + BY_ORIGIN + ")")
                .bean(CampaignReplies.class, "document")
                .bean("jsonResponses", "ok");

        from("direct:campaign.delete").routeId("campaign.delete")
                .setProperty(ORIGIN, method(Origins.class, "of"))
                .bean("deletingCampaign", "delete(" + CLIENT_AND_NAME + ", " + BY_ORIGIN + ")")
                .bean("jsonResponses", "noContent");
    }
}
