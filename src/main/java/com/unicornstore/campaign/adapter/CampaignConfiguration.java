package com.unicornstore.campaign.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.campaign.application.CampaignChanges;
import com.unicornstore.campaign.application.ChangingCampaign;
import com.unicornstore.campaign.application.CreatingCampaign;
import com.unicornstore.campaign.application.DeletingCampaign;
import com.unicornstore.campaign.application.DryRunningCampaign;
import com.unicornstore.campaign.application.EvaluatingPurchase;
import com.unicornstore.campaign.application.ListingCampaigns;
import com.unicornstore.campaign.application.LoadingCampaignFiles;
import com.unicornstore.campaign.application.PurchaseEvents;
import com.unicornstore.campaign.application.ReadingCampaign;
import com.unicornstore.campaign.application.CampaignValidation;
import com.unicornstore.campaign.application.CampaignsPerClient;
import com.unicornstore.campaign.domain.CampaignEngine;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.campaign.domain.CompiledCampaigns;
import com.unicornstore.campaign.domain.PathLanguage;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.DemoData;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the campaign context: its table, engine, use cases, routes and rule files. */
@Configuration(proxyBeanMethods = false)
public class CampaignConfiguration {

    @Bean
    TableSpec campaignsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().campaigns(), Key.string("client")).sortedBy(Key.string("campaign_name"));
    }

    @Bean
    CampaignStore campaignStore(DynamoDbClient dynamo, AwsResourceNames names) {
        return new DynamoCampaignStore(dynamo, names.tables().campaigns());
    }

    @Bean
    PathLanguage pathLanguage() {
        return new JaywayPaths();
    }

    @Bean
    CompiledCampaigns compiledCampaigns(PathLanguage paths) {
        return new CompiledCampaigns(paths);
    }

    @Bean
    CampaignValidation campaignValidation(ObjectMapper json, PathLanguage paths) {
        return new CampaignValidation(json, paths);
    }

    @Bean
    PurchaseEvents purchaseEvents(ObjectMapper json) {
        return new PurchaseEvents(json, Clock.systemUTC());
    }

    @Bean
    CampaignsPerClient campaignsPerClient(CampaignStore store, @Value("${unicorn.campaigns.max-per-client}") int max) {
        return new CampaignsPerClient(store, max);
    }

    @Bean
    CampaignEngine campaignEngine(CompiledCampaigns compiled, CampaignsPerClient cap) {
        return new CampaignEngine(compiled, cap.max());
    }

    @Bean
    EvaluatingPurchase evaluatingPurchase(CampaignStore store, CampaignEngine engine, PurchaseEvents events) {
        return new EvaluatingPurchase(store, engine, events);
    }

    @Bean
    DryRunningCampaign dryRunningCampaign(CampaignStore store, CampaignEngine engine, PurchaseEvents events) {
        return new DryRunningCampaign(store, engine, events);
    }

    @Bean
    CampaignChanges campaignChanges(@Value("${unicorn.campaigns.change-history}") int keep) {
        return new CampaignChanges(Clock.systemUTC(), keep);
    }

    @Bean
    CreatingCampaign creatingCampaign(CampaignsPerClient store, CampaignValidation validation, CampaignChanges changes) {
        return new CreatingCampaign(store, validation, changes);
    }

    @Bean
    ChangingCampaign changingCampaign(CampaignStore store, CampaignValidation validation, CampaignChanges changes) {
        return new ChangingCampaign(store, validation, changes);
    }

    @Bean
    DeletingCampaign deletingCampaign(CampaignStore store, CompiledCampaigns compiled) {
        return new DeletingCampaign(store, compiled);
    }

    @Bean
    ReadingCampaign readingCampaign(CampaignStore store) {
        return new ReadingCampaign(store);
    }

    @Bean
    ListingCampaigns listingCampaigns(CampaignStore store) {
        return new ListingCampaigns(store);
    }

    @Bean
    LoadingCampaignFiles loadingCampaignFiles(CampaignStore store, CampaignsPerClient capped,
            CampaignValidation validation, CampaignChanges changes, ObjectMapper json) {
        return new LoadingCampaignFiles(store, capped, validation, changes, json);
    }

    @Bean
    CampaignFiles campaignFiles(@Value("${unicorn.campaigns.rules-dir}") Path directory) {
        return new CampaignFiles(directory, CampaignFiles.FOLDER);
    }

    @Bean
    CampaignRulesAtStartup campaignRulesAtStartup(LoadingCampaignFiles loading, CampaignFiles files) {
        return new CampaignRulesAtStartup(loading, files);
    }

    @Bean
    @Profile("local")
    DemoData campaignDemoData(LoadingCampaignFiles loading, CampaignFiles files) {
        return new CampaignDemoData(loading, files);
    }

    @Bean
    CampaignRestRoutes campaignRestRoutes() {
        return new CampaignRestRoutes();
    }

    @Bean
    CampaignRoutes campaignRoutes() {
        return new CampaignRoutes();
    }

    @Bean
    CampaignRuleFileRoutes campaignRuleFileRoutes() {
        return new CampaignRuleFileRoutes();
    }
}
