package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The retail read API as a client sees it; run against each kind of backend by its subclasses. */
abstract class RetailReadApiContract {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void the_demo_unicorn_air_is_for_sale() {
        Api.Response response = api.get("/products/1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode product = response.json();
        assertThat(product.get("name").asText()).isEqualTo("Unicorn Air (2023 Model)");
        assertThat(product.get("description").asText()).isEqualTo("Lastest Unicorn Air model from re:Invent 2023");
        assertThat(product.get("price").isIntegralNumber()).isTrue();
        assertThat(product.get("price").asLong()).isEqualTo(1700);
        assertThat(product.get("stock").asLong()).isEqualTo(4);
    }

    @Test
    void the_catalog_lists_at_least_four_unicorns_each_with_an_image_the_app_serves() {
        JsonNode products = api.get("/products").json();

        assertThat(products.isArray()).isTrue();
        assertThat(products.size()).isGreaterThanOrEqualTo(4);
        assertThat(products.get(0).get("id").asText()).isEqualTo("1");
        for (JsonNode product : products) {
            Api.Response image = api.get(product.get("image").asText());
            assertThat(image.status()).as(product.get("image").asText()).isEqualTo(200);
            assertThat(image.contentType()).startsWith("image/");
        }
    }

    @Test
    void an_unknown_product_is_a_404_problem() {
        Api.Response response = api.get("/products/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/product-not-found");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("nope");
    }

    @Test
    void derick_has_3300_in_his_wallet() {
        Api.Response response = api.get("/users/balance/derick");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("username").asText()).isEqualTo("derick");
        assertThat(response.json().get("balance").asLong()).isEqualTo(3300);
    }

    @Test
    void an_unknown_wallet_is_a_404_problem() {
        Api.Response response = api.get("/users/balance/nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).endsWith("/wallet-not-found");
    }

    @Test
    void a_malformed_username_is_a_400_problem_naming_the_field() {
        Api.Response response = api.get("/users/balance/bad%20name");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("username");
    }

    @Test
    void an_unknown_path_is_a_404_problem_and_a_wrong_method_a_405_problem() {
        Api.Response unknown = api.get("/no/such/thing");
        Api.Response wrongMethod = api.send("DELETE", "/products/1", null, Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.body()).doesNotContain("Exception");
    }

    @Test
    void internal_headers_do_not_leak_into_responses() {
        Api.Response response = api.send("GET", "/products/1", null, Map.of("X-Probe", "1"));

        assertThat(response.header("id")).isNull();
        assertThat(response.header("X-Probe")).isNull();
        assertThat(response.raw().headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("camel"));
    }

    @Test
    void headers_that_would_steer_camel_are_dropped_at_the_edge() {
        Api.Response response = api.send("GET", "/products/1", null, Map.of(
                "CamelAwsDdbTableName", "unicorn-wallets",
                "CamelAwsDdbKey", "username=derick",
                "Long-Running-Action", "some-other-saga"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asText()).isEqualTo("Unicorn Air (2023 Model)");
    }
}
