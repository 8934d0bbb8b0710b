package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The campaign API as a partner system uses it, against moto. */
@PlatformIntegrationTest
class CampaignApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_RULE = "{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
            + "\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}";

    @LocalServerPort
    int port;

    Api api;
    String client;

    @BeforeEach
    void client() {
        api = new Api(port);
        client = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api.Response create(String name, String rules) {
        return api.json("POST", "/campaigns", "{\"client\":\"" + client + "\",\"campaign_name\":\"" + name
                + "\",\"rules\":" + rules + "}");
    }

    private long dryRun(String name, String event) {
        Api.Response response = api.json("POST", "/campaigns/" + name + "/evaluate?client=" + client, event);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("points").asLong();
    }

    @Test
    void the_demo_campaign_of_the_rules_directory_earns_170_for_a_1700_purchase() {
        Api.Response campaign = api.get("/campaigns/1?client=UnicornStore");
        Api.Response dryRun = api.json("POST", "/campaigns/1/evaluate?client=UnicornStore",
                "{\"account_id\":\"derick\",\"amount\":1700,\"quantity\":1,\"product_id\":\"1\"}");

        assertThat(campaign.status()).isEqualTo(200);
        assertThat(campaign.json().get("rules").get(0).toString()).isEqualTo(DEMO_RULE);
        assertThat(campaign.json().get("status").asText()).isEqualTo("active");
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("points").asLong()).isEqualTo(170);
        assertThat(dryRun.json().get("matched").toString()).isEqualTo("[{\"campaign\":\"1\",\"rule\":0,\"points\":170}]");
    }

    @Test
    void a_campaign_is_created_once_then_conflicts() {
        Api.Response created = create("summer", "[" + DEMO_RULE + "]");
        Api.Response again = create("summer", "[" + DEMO_RULE + "]");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("client").asText()).isEqualTo(client);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("/campaign-exists");
    }

    @Test
    void concurrent_creates_of_one_name_make_one_campaign_and_concurrent_patches_all_land() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                creates.add(pool.submit(() -> create("race", "[" + DEMO_RULE + "]").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : creates) {
                statuses.add(status.get());
            }
            List<Future<Integer>> patches = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String body = "{\"description\":\"patch " + i + "\"}";
                patches.add(pool.submit(() -> api.json("PATCH", "/campaigns/race?client=" + client, body).status()));
            }
            for (Future<Integer> status : patches) {
                assertThat(status.get()).isEqualTo(200);
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(api.get("/campaigns/race?client=" + client).json().get("version").asLong()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rules_sent_as_a_string_are_stored_and_returned_as_an_array() throws Exception {
        Api.Response created = create("legacy", JSON.writeValueAsString("[" + DEMO_RULE + "]"));
        JsonNode stored = api.get("/campaigns/legacy?client=" + client).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(stored.get("rules").isArray()).isTrue();
        assertThat(stored.get("rules").get(0).toString()).isEqualTo(DEMO_RULE);
    }

    @Test
    void formulas_that_try_to_run_code_are_refused_with_400_and_nothing_is_written() throws Exception {
        List<String> formulas = List.of("__import__('os').system('id')", "java.lang.Runtime.getRuntime().exec('id')",
                "${T(java.lang.Runtime)}", "$.amount/", "$.amount+".repeat(500) + "1");
        assertThat(formulas.get(4)).hasSize(4_501);
        for (String formula : formulas) {
            String rule = "[{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"exists\",\"value\":true},"
                    + "\"action\":{\"command\":\"issue\",\"formula\":" + JSON.writeValueAsString(formula) + "}}]";
            Api.Response refused = create("evil", rule);

            assertThat(refused.status()).as(formula).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("/rules/0/action/formula");
        }
        assertThat(api.get("/campaigns/evil?client=" + client).status()).isEqualTo(404);
    }

    @Test
    void every_problem_of_a_refused_campaign_is_listed() {
        Api.Response refused = create("bad", "[{\"variable\":\"amount\",\"condition\":{\"rule\":\"bigger\",\"value\":1},"
                + "\"action\":{\"command\":\"ignore\",\"formula\":\"1\"}}]");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .contains("/rules/0/variable", "/rules/0/condition/rule", "/rules/0/action/command");
    }

    @Test
    void bodies_that_are_not_json_objects_are_refused() {
        assertThat(api.send("POST", "/campaigns", "{}", Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
        assertThat(api.json("POST", "/campaigns", "{not json").status()).isEqualTo(400);
        assertThat(api.json("POST", "/campaigns", "[]").status()).isEqualTo(400);
    }

    @Test
    void a_patch_changes_rules_status_window_priority_and_cap_and_the_engine_follows() {
        create("promo", "[" + DEMO_RULE + "]");
        assertThat(dryRun("promo", "{\"amount\":1700}")).isEqualTo(170);

        Api.Response changed = api.json("PATCH", "/campaigns/promo?client=" + client, "{\"rules\":[{\"variable\":"
                + "\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\",\"value\":100},\"action\":{\"command\":"
                + "\"issue\",\"formula\":\"$.amount/5\"}}],\"priority\":7,\"max_points_per_event\":300,"
                + "\"valid_from\":\"2020-01-01T00:00:00Z\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(changed.json().get("priority").asInt()).isEqualTo(7);
        assertThat(dryRun("promo", "{\"amount\":1000}")).isEqualTo(200);
        assertThat(dryRun("promo", "{\"amount\":1700}")).isEqualTo(300);
        assertThat(dryRun("promo", "{\"amount\":1700,\"occurred_at\":\"2019-12-31T23:59:59Z\"}")).isZero();

        api.json("PATCH", "/campaigns/promo?client=" + client, "{\"status\":\"inactive\",\"max_points_per_event\":null}");
        JsonNode stored = api.get("/campaigns/promo?client=" + client).json();
        assertThat(stored.get("status").asText()).isEqualTo("inactive");
        assertThat(stored.has("max_points_per_event")).isFalse();
        assertThat(dryRun("promo", "{\"amount\":1700}")).isZero();
    }

    @Test
    void a_refused_patch_changes_nothing() {
        create("steady", "[" + DEMO_RULE + "]");

        Api.Response badRule = api.json("PATCH", "/campaigns/steady?client=" + client,
                "{\"rules\":[{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"exists\",\"value\":true},"
                        + "\"action\":{\"command\":\"issue\",\"formula\":\"eval('1')\"}}]}");
        Api.Response rename = api.json("PATCH", "/campaigns/steady?client=" + client, "{\"campaign_name\":\"other\"}");
        Api.Response unknown = api.json("PATCH", "/campaigns/nope?client=" + client, "{\"status\":\"inactive\"}");

        assertThat(badRule.status()).isEqualTo(400);
        assertThat(rename.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode stored = api.get("/campaigns/steady?client=" + client).json();
        assertThat(stored.get("version").asLong()).isEqualTo(1);
        assertThat(stored.get("rules").get(0).toString()).isEqualTo(DEMO_RULE);
    }

    @Test
    void every_change_records_who_made_it_and_get_and_the_list_show_it() {
        Api.Response created = api.send("POST", "/campaigns", "{\"client\":\"" + client + "\",\"campaign_name\":\"who\","
                + "\"rules\":[" + DEMO_RULE + "]}", Map.of("Content-Type", "application/json", "Idempotency-Key", "create-who"));
        Api admin = Api.basic(port, "admin", "unicorn-admin");
        Api.Response disabled = admin.json("PATCH", "/campaigns/who?client=" + client, "{\"status\":\"inactive\"}");
        JsonNode read = api.get("/campaigns/who?client=" + client).json();
        Api.Response echoed = admin.json("PATCH", "/campaigns/who?client=" + client, read.toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("created").get("principal").asText()).isEqualTo(Api.DEMO_CLIENT);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(read.get("created").get("principal").asText()).isEqualTo(Api.DEMO_CLIENT);
        assertThat(read.get("created").get("message_id").asText()).isEqualTo("create-who");
        assertThat(read.get("changes")).extracting(change -> change.get("version").asLong() + " " + change.get("principal").asText())
                .containsExactly("2 admin", "1 " + Api.DEMO_CLIENT);
        assertThat(read.get("changes").get(0).get("at").asText()).isNotBlank();
        assertThat(echoed.status()).as("a document read back is accepted, its history ignored").isEqualTo(200);
        assertThat(echoed.json().get("version").asLong()).as("and it changes nothing").isEqualTo(2);
        JsonNode listed = api.get("/campaigns?client=" + client).json().get("items").get(0);
        assertThat(listed.get("changes")).isEqualTo(read.get("changes"));
        JsonNode demo = api.get("/campaigns/1?client=UnicornStore").json();
        assertThat(demo.get("created").get("principal").asText()).as("a rule file's campaign").isEqualTo("system");
        assertThat(demo.get("created").get("message_id").asText()).endsWith(".json");
    }

    @Test
    void a_deleted_campaign_is_gone_and_deleting_it_again_is_a_404() {
        create("short-lived", "[" + DEMO_RULE + "]");

        Api.Response deleted = api.send("DELETE", "/campaigns/short-lived?client=" + client, null, Map.of());
        Api.Response again = api.send("DELETE", "/campaigns/short-lived?client=" + client, null, Map.of());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(api.get("/campaigns/short-lived?client=" + client).status()).isEqualTo(404);
        assertThat(api.json("POST", "/campaigns/short-lived/evaluate?client=" + client, "{}").status()).isEqualTo(404);
    }

    @Test
    void the_list_pages_with_a_cursor() {
        create("a", "[" + DEMO_RULE + "]");
        create("b", "[" + DEMO_RULE + "]");
        create("c", "[" + DEMO_RULE + "]");

        JsonNode first = api.get("/campaigns?client=" + client + "&limit=2").json();
        JsonNode second = api.get("/campaigns?client=" + client + "&limit=2&cursor=" + first.get("next_cursor").asText()).json();

        assertThat(first.get("count").asInt()).isEqualTo(2);
        assertThat(first.get("items").findValuesAsText("campaign_name")).containsExactly("a", "b");
        assertThat(second.get("items").findValuesAsText("campaign_name")).containsExactly("c");
        assertThat(second.get("next_cursor") == null || second.get("next_cursor").isNull()).isTrue();
        assertThat(api.get("/campaigns").json().get("items").findValuesAsText("client")).contains("UnicornStore", client);
        assertThat(api.get("/campaigns?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/campaigns?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void unknown_campaigns_and_bad_parameters_are_404_and_400() {
        assertThat(api.get("/campaigns/none?client=" + client).status()).isEqualTo(404);
        assertThat(api.get("/campaigns/none").status()).isEqualTo(400);
        assertThat(api.get("/campaigns/none?client=bad%20client").json().get("errors").get(0).get("field").asText())
                .isEqualTo("client");
    }

    @Test
    void a_dry_run_refuses_an_event_of_another_client_or_a_malformed_time() {
        create("checked", "[" + DEMO_RULE + "]");

        assertThat(api.json("POST", "/campaigns/checked/evaluate?client=" + client,
                "{\"client\":\"someone-else\",\"amount\":1700}").status()).isEqualTo(400);
        assertThat(api.json("POST", "/campaigns/checked/evaluate?client=" + client,
                "{\"amount\":1700,\"occurred_at\":\"yesterday\"}").json().get("errors").get(0).get("field").asText())
                .isEqualTo("occurred_at");
    }

    @Test
    void a_number_no_store_can_hold_is_refused_before_anything_computes_with_it() {
        Api.Response dryRun = api.json("POST", "/campaigns/1/evaluate?client=UnicornStore",
                "{\"amount\":1e999999999,\"client\":\"UnicornStore\"}");
        Api.Response create = api.json("POST", "/campaigns", "{\"client\":\"" + client + "\",\"campaign_name\":\"huge\","
                + "\"rules\":[{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
                + "\"value\":1e999999999},\"action\":{\"command\":\"issue\",\"formula\":\"1\"}}]}");

        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(dryRun.json().get("errors").get(0).get("field").asText()).isEqualTo("/amount");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().get("errors").get(0).get("field").asText()).isEqualTo("/rules/0/condition/value");
        assertThat(api.get("/campaigns/huge?client=" + client).status()).isEqualTo(404);
    }
}
