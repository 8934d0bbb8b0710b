package com.unicornstore.campaign.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the campaign rules directory: a new or changed {@code *.json} file (new name, size or
 * modification time) is applied without a restart. Refused files are reported by the loader; a
 * backend failure fails the exchange, so the file is tried again at the next poll.
 */
public class CampaignRuleFileRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{unicorn.campaigns.rules-dir}}?noop=true&autoCreate=false&recursive=false"
                + "&include=.*\\.json&idempotentKey=${file:name}-${file:size}-${file:modified}"
                + "&initialDelay=0&delay={{unicorn.campaigns.rules-poll-ms}}")
                .routeId("campaign.watch-rules")
                .bean("loadingCampaignFiles", "load(${header.CamelFileName}, ${bodyAs(String)})");
    }
}
