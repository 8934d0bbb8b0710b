package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Campaigns whose path or formula would run long, stored as documents written before the current
 * validation (straight into the campaigns table, as the API now refuses them): a purchase still
 * completes in its usual time with the other campaigns' points, and names the campaigns it skipped.
 */
@PlatformIntegrationTest
class RunawayCampaignPurchaseIT extends StoreClient {

    /** Forty a's and a dash: {@code ^(a+)+$} backtracks about 2^40 times on it before failing. */
    private static final String SHOPPER = "a".repeat(40) + "-";
    private static final String PRODUCT = "runaway-campaign";
    private static final List<String> CAMPAIGNS = List.of("runaway-regex", "runaway-formula", "runaway-neighbour");

    @Autowired
    DynamoDbClient dynamo;

    @Value("${unicorn.retail.campaign-client}")
    String client;

    @BeforeEach
    void campaignsOfOldAndNew() {
        shopper(SHOPPER, 1000);
        // 100 earns nothing under the demo campaign (strictly over 100), so the points are the neighbour's alone
        seed.putIfAbsent(names.tables().products(), "id",
                ProductItems.toItem(new Product(PRODUCT, "Runaway unicorn", "Bought under odd campaigns", 100, 50, "u.svg")));
        storeOldDocument("runaway-regex", "$[?(@.account_id =~ /^(a+)+$/)].amount", "$.amount");
        storeOldDocument("runaway-formula", "$.amount", "(".repeat(3000) + "$.amount" + ")".repeat(3000));
        Api.Response neighbour = api.json("POST", "/campaigns", "{\"client\":\"" + client + "\",\"campaign_name\":"
                + "\"runaway-neighbour\",\"rules\":[{\"variable\":\"$.quantity\",\"condition\":{\"rule\":"
                + "\"numeric_greater_than\",\"value\":0},\"action\":{\"command\":\"issue\",\"formula\":\"7\"}}]}");
        assertThat(neighbour.status()).as(neighbour.body()).isEqualTo(201);
    }

    @AfterEach
    void removeThem() {
        CAMPAIGNS.forEach(name -> dynamo.deleteItem(b -> b.tableName(names.tables().campaigns())
                .key(Map.of("client", AttributeValue.fromS(client), "campaign_name", AttributeValue.fromS(name)))));
    }

    @Test
    void a_campaign_whose_path_or_formula_would_run_long_cannot_hold_a_purchase() {
        long started = System.nanoTime();
        Api.Response purchase = buy(SHOPPER, PRODUCT, 1);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
        // the regex alone would hold the request thread for hours; a purchase takes well under a second here
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        JsonNode body = purchase.json();
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("points").asLong()).isEqualTo(7);
        assertThat(body.get("campaigns_skipped")).hasSize(2);
        assertThat(skippedReason(body, "runaway-regex")).contains("regular expressions (=~) are not allowed");
        assertThat(skippedReason(body, "runaway-formula")).contains("longer than 500 characters");
        assertThat(wallet(SHOPPER)).isEqualTo(900);
    }

    @Test
    void the_dry_run_of_a_refused_stored_campaign_reports_it_skipped_instead_of_failing() {
        Api.Response dryRun = api.json("POST", "/campaigns/runaway-regex/evaluate?client=" + client,
                "{\"account_id\":\"" + SHOPPER + "\",\"amount\":100,\"quantity\":1}");

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("points").asLong()).isZero();
        assertThat(dryRun.json().get("skipped").get(0).get("campaign").asText()).isEqualTo("runaway-regex");
    }

    private static String skippedReason(JsonNode purchase, String campaign) {
        for (JsonNode skipped : purchase.get("campaigns_skipped")) {
            if (campaign.equals(skipped.get("campaign").asText())) {
                return skipped.get("reason").asText();
            }
        }
        throw new AssertionError(campaign + " is not among the skipped campaigns: " + purchase);
    }

    /** A campaign item as stored before paths were restricted: one issue rule, native attributes. */
    private void storeOldDocument(String name, String variable, String formula) {
        Map<String, AttributeValue> rule = Map.of(
                "variable", AttributeValue.fromS(variable),
                "condition", AttributeValue.fromM(Map.of("rule", AttributeValue.fromS("numeric_greater_than"),
                        "value", AttributeValue.fromN("0"))),
                "action", AttributeValue.fromM(Map.of("command", AttributeValue.fromS("issue"),
                        "formula", AttributeValue.fromS(formula))));
        dynamo.putItem(b -> b.tableName(names.tables().campaigns()).item(Map.of(
                "client", AttributeValue.fromS(client),
                "campaign_name", AttributeValue.fromS(name),
                "status", AttributeValue.fromS("active"),
                "priority", AttributeValue.fromN("0"),
                "version", AttributeValue.fromN("1"),
                "rules", AttributeValue.fromL(List.of(AttributeValue.fromM(rule))))));
    }
}
