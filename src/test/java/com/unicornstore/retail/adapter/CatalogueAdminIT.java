package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators create, edit and restock products and fund or adjust wallets; each change names who made it. */
@PlatformIntegrationTest
class CatalogueAdminIT {

    @LocalServerPort
    int port;

    Api operator;

    @BeforeEach
    void operator() {
        operator = Api.basic(port, "admin", "unicorn-admin");
    }

    @Test
    void an_operator_creates_edits_and_restocks_a_product_that_shoppers_then_buy() {
        Api.Response created = operator.json("POST", "/products", "{\"id\":\"unicorn-new\",\"name\":\"New\","
                + "\"description\":\"Fresh\",\"price\":100,\"stock\":1,\"image\":\"/images/new.svg\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("changed_by").asText()).isEqualTo("admin");
        assertThat(operator.json("POST", "/products", "{\"id\":\"unicorn-new\",\"name\":\"Again\","
                + "\"description\":\"x\",\"price\":1,\"stock\":1,\"image\":\"x\"}").status()).isEqualTo(409);

        assertThat(operator.json("PATCH", "/products/unicorn-new", "{\"price\":150}").json().get("price").asLong())
                .isEqualTo(150);
        JsonNode restocked = operator.json("POST", "/products/unicorn-new/restock", "{\"quantity\":4}").json();
        assertThat(restocked.get("stock").asLong()).isEqualTo(5);

        JsonNode shown = Api.anonymous(port).get("/products/unicorn-new").json();
        assertThat(shown.get("price").asLong()).isEqualTo(150);
        assertThat(shown.get("stock").asLong()).isEqualTo(5);
        Api.Response bought = Api.basic(port, "bob", "unicorn").json("POST", "/purchase",
                "{\"userId\":\"bob\",\"productId\":\"unicorn-new\",\"quantity\":2}");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(Api.anonymous(port).get("/products/unicorn-new").json().get("stock").asLong()).isEqualTo(3);
    }

    @Test
    void funding_opens_or_tops_up_a_wallet_and_an_adjustment_never_takes_it_below_zero() {
        JsonNode funded = operator.json("POST", "/wallets/carol/adjust", "{\"amount\":500}").json();
        assertThat(funded.get("balance").asLong()).isEqualTo(500);
        assertThat(funded.get("changed_by").asText()).isEqualTo("admin");
        assertThat(operator.json("POST", "/wallets/carol/adjust", "{\"amount\":-200}").json().get("balance").asLong())
                .isEqualTo(300);

        Api.Response overdrawn = operator.json("POST", "/wallets/carol/adjust", "{\"amount\":-301}");
        assertThat(overdrawn.status()).isEqualTo(409);
        assertThat(overdrawn.contentType()).startsWith("application/problem+json");
        assertThat(operator.get("/users/balance/carol").json().get("balance").asLong()).isEqualTo(300);
    }

    @Test
    void bad_changes_are_refused_as_problems_and_only_operators_make_them() {
        for (String[] bad : new String[][] {
                {"POST", "/products", "{\"id\":\"bad id\",\"name\":\"x\",\"description\":\"x\",\"price\":-1,\"stock\":1,\"image\":\"x\"}"},
                {"PATCH", "/products/1", "{}"},
                {"PATCH", "/products/nope", "{\"price\":1}"},
                {"POST", "/products/1/restock", "{\"quantity\":0}"},
                {"POST", "/wallets/carol/adjust", "{\"amount\":0}"},
                {"POST", "/wallets/carol/adjust", "{\"amount\":\"5\"}"}}) {
            Api.Response refused = operator.json(bad[0], bad[1], bad[2]);
            assertThat(refused.status()).as(String.join(" ", bad)).isBetween(400, 404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api shopper = Api.basic(port, "derick", "unicorn");
        assertThat(shopper.json("POST", "/products/1/restock", "{\"quantity\":1}").status()).isEqualTo(403);
        assertThat(shopper.json("POST", "/wallets/derick/adjust", "{\"amount\":100}").status()).isEqualTo(403);
    }
}
