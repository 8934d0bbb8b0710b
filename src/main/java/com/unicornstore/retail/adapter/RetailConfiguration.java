package com.unicornstore.retail.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.platform.provisioning.DemoData;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.retail.application.RecoveringPendingPurchases;
import com.unicornstore.retail.application.RefundingPurchase;
import com.unicornstore.saga.domain.SagaLog;
import org.apache.camel.ProducerTemplate;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.RefundWindow;
import com.unicornstore.retail.domain.Wallets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the retail context: its routes, its tables and its demo data. */
@Configuration(proxyBeanMethods = false)
public class RetailConfiguration {

    @Bean
    RetailRestRoutes retailRestRoutes() {
        return new RetailRestRoutes();
    }

    @Bean
    ProductRoutes productRoutes() {
        return new ProductRoutes();
    }

    @Bean
    WalletRoutes walletRoutes() {
        return new WalletRoutes();
    }

    @Bean
    CatalogueAdmin catalogueAdmin(DynamoDbClient dynamo, AwsResourceNames names, JsonBodies bodies, Clock clock) {
        return new CatalogueAdmin(dynamo, names.tables().products(), names.tables().wallets(), bodies, clock);
    }

    @Bean
    CatalogueAdminRoutes catalogueAdminRoutes() {
        return new CatalogueAdminRoutes();
    }

    @Bean
    Inventory inventory(DynamoDbClient dynamo, AwsResourceNames names,
            @Value("${unicorn.retail.keep-release-markers}") Duration keepReleased) {
        return new DynamoDbInventory(dynamo, names.tables().products(), keepReleased, Clock.systemUTC());
    }

    @Bean
    Wallets wallets(DynamoDbClient dynamo, AwsResourceNames names,
            @Value("${unicorn.retail.keep-release-markers}") Duration keepReleased) {
        return new DynamoDbWallets(dynamo, names.tables().wallets(), keepReleased, Clock.systemUTC());
    }

    @Bean
    Purchases purchases(DynamoDbClient dynamo, AwsResourceNames names, @Value("${unicorn.saga.lease}") Duration sagaLease,
            @Value("${unicorn.sweeps.shards-per-sweep}") int shardsPerSweep) {
        // a purchase whose saga has not begun within one saga lease of its creation is recovered
        return new DynamoDbPurchases(dynamo, names.tables().purchases(), sagaLease, Clock.systemUTC(), shardsPerSweep);
    }

    @Bean
    PlacingPurchase placingPurchase(Purchases purchases,
            @Value("${unicorn.retail.channel-attempts}") int channelAttempts) {
        return new PlacingPurchase(purchases, Clock.systemUTC(), channelAttempts);
    }

    @Bean
    PurchaseSteps purchaseSteps(JsonBodies bodies, PlacingPurchase placing, Inventory inventory, Wallets wallets,
            MeterRegistry meters) {
        return new PurchaseSteps(bodies, placing, inventory, wallets, new PurchaseOutcomes(meters));
    }

    @Bean
    PurchaseViews purchaseViews(Purchases purchases, SagaLog sagas) {
        return new PurchaseViews(purchases, sagas);
    }

    @Bean
    PurchaseListings purchaseListings(Purchases purchases, PurchaseViews views) {
        return new PurchaseListings(purchases, views);
    }

    @Bean
    RefundingPurchase refundingPurchase(Purchases purchases, Inventory inventory, Wallets wallets,
            ProducerTemplate producer, @Value("${unicorn.retail.refund-window}") Duration refundWindow) {
        return new RefundingPurchase(purchases, inventory, wallets, new CamelLoyaltyPoints(producer),
                new RefundWindow(refundWindow), Clock.systemUTC());
    }

    @Bean
    RefundSteps refundSteps(RefundingPurchase refunding) {
        return new RefundSteps(refunding);
    }

    @Bean
    RefundSagaRoutes refundSagaRoutes() {
        return new RefundSagaRoutes();
    }

    @Bean
    RecoveringPendingPurchases recoveringPendingPurchases(Purchases purchases, Inventory inventory, Wallets wallets,
            SagaLog sagas, @Value("${unicorn.saga.lease}") Duration sagaLease,
            @Value("${unicorn.retail.pending-recovery.batch}") int batch) {
        return new RecoveringPendingPurchases(purchases, inventory, wallets, sagas, Clock.systemUTC(), sagaLease, batch);
    }

    @Bean
    PendingPurchaseRoutes pendingPurchaseRoutes() {
        return new PendingPurchaseRoutes();
    }

    @Bean
    PointsAward pointsAward(ObjectMapper json, @Value("${unicorn.retail.campaign-client}") String campaignClient) {
        return new PointsAward(json, campaignClient, Clock.systemUTC());
    }

    @Bean
    PurchaseRestRoutes purchaseRestRoutes() {
        return new PurchaseRestRoutes();
    }

    @Bean
    PurchaseRoutes purchaseRoutes() {
        return new PurchaseRoutes();
    }

    @Bean
    PurchaseSagaRoutes purchaseSagaRoutes() {
        return new PurchaseSagaRoutes();
    }

    @Bean
    TableSpec purchasesTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().purchases(), Key.string("purchase_id"))
                .withIndex(new TableSpec.Index(DynamoDbPurchases.PENDING_INDEX, Key.string("pending_shard"),
                        Key.number("deadline")))
                .withIndex(new TableSpec.Index(UserPurchases.INDEX, Key.string("user_id"), Key.string("created_at")));
    }

    @Bean
    TableSpec productsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().products(), Key.string("id"));
    }

    @Bean
    TableSpec walletsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().wallets(), Key.string("username"));
    }

    @Bean
    @Profile("local")
    DemoData retailDemoData(ConditionalSeed seed, ObjectMapper json, AwsResourceNames names) {
        return new RetailDemoData(seed, json, names.tables().products(), names.tables().wallets());
    }
}
