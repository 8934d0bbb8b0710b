package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.application.ListingCampaigns;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.PageSize;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.domain.PointsAmount;
import com.unicornstore.retail.adapter.CatalogueAdmin;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.saga.adapter.SagaViews;
import com.unicornstore.support.ApiDocumentSchemas;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The document's request schemas agree with the code that validates: the same limits, and the
 * same verdict on values at and beyond each boundary (the schema through networknt's validator,
 * the code through the very checks the routes run).
 */
class ApiContractLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode document = new ApiContract(JSON).complete((ObjectNode) JSON.createObjectNode().set("paths", JSON.createObjectNode()));
    private final ApiDocumentSchemas schemas = new ApiDocumentSchemas(document);
    private final JsonNode parameters = readParameters();

    @Test
    void identifiers_are_accepted_and_refused_alike_by_schema_and_code() {
        for (String value : List.of("derick", "a.b_c@d-e", "x".repeat(64), "", "x".repeat(65), "a b", "ünï", "a/b", "a\nb")) {
            boolean schema = schemas.validateSchema("Identifier", JSON.valueToTree(value).toString()).isEmpty();
            assertThat(schema).as("Identifier %s", value).isEqualTo(Identifiers.isValid(value));
        }
    }

    @Test
    void purchase_quantities_have_the_orders_limits() {
        for (long quantity : new long[] {0, 1, PurchaseOrder.MAX_QUANTITY, PurchaseOrder.MAX_QUANTITY + 1}) {
            String order = "{\"userId\":\"derick\",\"productId\":\"1\",\"quantity\":" + quantity + "}";
            assertThat(schemas.validateSchema("PurchaseOrder", order).isEmpty()).as("quantity %d", quantity)
                    .isEqualTo(accepted(fields -> fields.integer("quantity", 1, PurchaseOrder.MAX_QUANTITY), order));
        }
    }

    @Test
    void points_amounts_have_the_ledgers_limits() {
        for (long amount : new long[] {PointsAmount.MIN - 1, PointsAmount.MIN, PointsAmount.MAX, PointsAmount.MAX + 1}) {
            String command = "{\"account_id\":\"derick\",\"amount\":" + amount + "}";
            assertThat(schemas.validateSchema("PointsAmount", command).isEmpty()).as("amount %d", amount)
                    .isEqualTo(PointsAmount.isValid(amount));
        }
    }

    @Test
    void catalogue_and_wallet_changes_have_the_operators_limits() {
        checkInteger("Restock", "quantity", 1, CatalogueAdmin.MAX_STOCK_CHANGE);
        checkInteger("NewProduct", "price", 0, CatalogueAdmin.MAX_PRICE);
        checkInteger("NewProduct", "stock", 0, CatalogueAdmin.MAX_STOCK_CHANGE);
        checkInteger("WalletAdjustment", "amount", -CatalogueAdmin.MAX_MONEY_CHANGE, CatalogueAdmin.MAX_MONEY_CHANGE);
        assertThat(schemas.validateSchema("WalletAdjustment", "{\"amount\":0}")).as("an adjustment of 0").isNotEmpty();
        for (String text : List.of("n", "x".repeat(CatalogueAdmin.MAX_TEXT), "x".repeat(CatalogueAdmin.MAX_TEXT + 1), "", "   ")) {
            String body = "{\"name\":" + JSON.valueToTree(text) + "}";
            assertThat(schemas.validateSchema("ProductChange", body).isEmpty()).as("name of %d characters", text.length())
                    .isEqualTo(accepted(fields -> fields.text("name", CatalogueAdmin.MAX_TEXT), body));
        }
    }

    @Test
    void page_sizes_have_each_listings_limits_and_defaults() {
        checkLimit("limit", PageSize.DEFAULT, PageSize.MAX);
        checkLimit("saga_limit", SagaViews.DEFAULT_LIMIT, SagaViews.MAX_LIMIT);
        checkLimit("campaign_limit", ListingCampaigns.DEFAULT_LIMIT, ListingCampaigns.MAX_LIMIT);
        assertThat(accepted(() -> PageSize.of("0"))).isFalse();
        assertThat(accepted(() -> PageSize.of(String.valueOf(PageSize.MAX)))).isTrue();
        assertThat(accepted(() -> PageSize.of(String.valueOf(PageSize.MAX + 1)))).isFalse();
    }

    @Test
    void campaigns_are_documented_by_the_validators_own_schema() {
        String valid = "{\"client\":\"c\",\"campaign_name\":\"n\",\"rules\":[{\"variable\":\"$.amount\",\"condition\":"
                + "{\"rule\":\"numeric_greater_than\",\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}]}";
        assertThat(schemas.validateSchema("Campaign", valid)).isEmpty();
        assertThat(schemas.validateSchema("Campaign", valid.replace("\"value\":100", "\"value\":\"x\""))).isNotEmpty();
        assertThat(schemas.validateSchema("Campaign", "{\"client\":\"c\",\"campaign_name\":\"n\",\"rules\":[],\"extra\":1}")).isNotEmpty();
    }

    private void checkInteger(String schema, String field, long min, long max) {
        for (long value : new long[] {min - 1, min, max, max + 1}) {
            ObjectNode body = (ObjectNode) document.path("components").path("schemas").path(schema).path("example").deepCopy();
            body.put(field, value);
            boolean code = accepted(fields -> fields.integer(field, min, max), body.toString());
            assertThat(schemas.validateSchema(schema, body.toString()).isEmpty()).as("%s.%s = %d", schema, field, value)
                    .isEqualTo(code);
        }
    }

    private void checkLimit(String parameter, int fallback, int max) {
        JsonNode schema = parameters.path(parameter).path("schema");
        assertThat(schema.path("minimum").asInt()).as(parameter).isEqualTo(1);
        assertThat(schema.path("maximum").asInt()).as(parameter).isEqualTo(max);
        assertThat(schema.path("default").asInt()).as(parameter).isEqualTo(fallback);
    }

    private static boolean accepted(Consumer<JsonFields> check, String body) {
        return accepted(() -> {
            JsonFields fields = JsonFields.of((ObjectNode) JSON.readTree(body));
            check.accept(fields);
            fields.orReject();
            return null;
        });
    }

    private static boolean accepted(Callable<?> check) {
        try {
            check.call();
            return true;
        } catch (Rejection refused) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readParameters() {
        try (var in = ApiContractLimitsTest.class.getResourceAsStream(ApiContract.RESOURCE)) {
            return JSON.readTree(in).path("parameters");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
