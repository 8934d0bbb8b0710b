package com.unicornstore.campaign.adapter;

import org.apache.camel.builder.RouteBuilder;

/** The campaign API's HTTP contract; each operation hands over to the direct: route of the same name. */
public class CampaignRestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/campaigns").description("Loyalty campaigns: rules that turn purchases into points")
                .get().id("campaign.http-list").description("A page of campaigns: {items, count, next_cursor}; "
                        + "?client= one client's, ?limit= 1-100, ?cursor= the next page")
                    .produces("application/json").to("direct:campaign.list")
                .post().id("campaign.http-create").description("Creates a campaign: 201; 409 when the client has one of that name")
                    .consumes("application/json").produces("application/json").to("direct:campaign.create")
                .get("/{campaign_name}").id("campaign.http-get").description("One campaign (?client=), ETag \"<version>\"; 404 when unknown")
                    .produces("application/json").to("direct:campaign.get")
                .patch("/{campaign_name}").id("campaign.http-change")
                    .description("Merge-patches rules, status, window, priority, cap or description (?client=); with "
                            + "If-Match: \"<version>\", 412 precondition-failed (current_version) when it changed since")
                    .consumes("application/json").produces("application/json").to("direct:campaign.change")
                .delete("/{campaign_name}").id("campaign.http-delete").description("Deletes a campaign (?client=): 204; 404 when unknown")
                    .to("direct:campaign.delete")
                .post("/{campaign_name}/evaluate").id("campaign.http-dry-run")
                    .description("Dry run: the points a purchase event would earn from this campaign; nothing is recorded")
                    .consumes("application/json").produces("application/json").to("direct:campaign.dry-run");
    }
}
