package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /purchases through HTTP: a shopper's own purchases, newest first, in pages; operators name the shopper. */
@PlatformIntegrationTest
class PurchaseListingIT {

    @LocalServerPort
    int port;

    Api alice;
    Api derick;
    Api admin;
    // made once for the class (its backends are wiped before it, not before each test)
    static final List<String> alicesPurchases = new ArrayList<>();

    @BeforeEach
    void alice_buys_three_times() {
        alice = Api.basic(port, "alice", "unicorn");
        derick = Api.basic(port, "derick", "unicorn");
        admin = Api.basic(port, "admin", "unicorn-admin");
        if (!alicesPurchases.isEmpty()) {
            return;
        }
        for (int quantity = 1; quantity <= 3; quantity++) {
            Api.Response bought = alice.json("POST", "/purchase",
                    "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":" + quantity + "}");
            assertThat(bought.status()).as(bought.body()).isEqualTo(201);
            alicesPurchases.add(bought.json().get("purchase_id").asText());
        }
        assertThat(derick.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"3\",\"quantity\":1}")
                .status()).isEqualTo(201);
    }

    @Test
    void a_shopper_pages_through_her_own_purchases_newest_first_each_as_get_purchase_shows_it() {
        Api.Response first = alice.get("/purchases?limit=2");
        assertThat(first.status()).isEqualTo(200);
        JsonNode page = first.json();
        String cursor = page.get("next_cursor").asText();
        JsonNode rest = alice.get("/purchases?limit=2&cursor=" + cursor).json();

        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("purchase_id").asText()));
        rest.get("items").forEach(item -> ids.add(item.get("purchase_id").asText()));
        assertThat(ids).containsExactly(alicesPurchases.get(2), alicesPurchases.get(1), alicesPurchases.get(0));
        assertThat(rest.hasNonNull("next_cursor")).as("the last page has none").isFalse();
        JsonNode newest = page.get("items").get(0);
        assertThat(newest).isEqualTo(alice.get("/purchase/" + alicesPurchases.get(2)).json());
        assertThat(newest.get("quantity").asInt()).isEqualTo(3);
        assertThat(newest.get("steps").size()).isEqualTo(3);
    }

    @Test
    void a_shopper_sees_only_her_own_and_naming_another_shopper_is_403() {
        Api.Response others = derick.get("/purchases?user_id=alice");
        JsonNode his = derick.get("/purchases").json();

        assertThat(others.status()).isEqualTo(403);
        assertThat(others.contentType()).startsWith("application/problem+json");
        assertThat(his.get("items").size()).isEqualTo(1);
        assertThat(his.get("items").get(0).get("userId").asText()).isEqualTo("derick");
        assertThat(derick.get("/purchases?user_id=derick").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void an_operator_or_an_integrator_names_the_shopper_and_must_name_one() {
        JsonNode alices = admin.get("/purchases?user_id=alice&limit=100").json();
        Api.Response nobody = admin.get("/purchases");

        assertThat(alices.get("items").size()).isEqualTo(3);
        assertThat(alices.hasNonNull("next_cursor")).isFalse();
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(new Api(port).get("/purchases?user_id=alice").json().get("items").size()).isEqualTo(3);
        assertThat(Api.anonymous(port).get("/purchases").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=ten", "cursor=not-a-cursor", "cursor=%7C%7C", "user_id=a%20b"})
    void a_bad_parameter_is_400_problem_json(String query) {
        Api.Response response = admin.get("/purchases?user_id=alice&" + query);
        Api.Response shoppers = alice.get("/purchases?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(shoppers.status()).isIn(400, 403);
    }
}
