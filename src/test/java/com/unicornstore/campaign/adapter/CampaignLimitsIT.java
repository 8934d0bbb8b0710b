package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.campaign.application.LoadingCampaignFiles;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** What keeps evaluation bounded, at the API and the file loader: campaigns per client capped, rule paths restricted. */
@PlatformIntegrationTest
@TestPropertySource(properties = "unicorn.campaigns.max-per-client=2")
class CampaignLimitsIT {

    @LocalServerPort
    int port;

    @Autowired
    LoadingCampaignFiles files;

    Api api;
    String client;

    @BeforeEach
    void client() {
        api = new Api(port);
        client = "limits-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String document(String name, String variable) {
        return "{\"client\":\"" + client + "\",\"campaign_name\":\"" + name + "\",\"rules\":[{\"variable\":\""
                + variable + "\",\"condition\":{\"rule\":\"exists\",\"value\":true},"
                + "\"action\":{\"command\":\"issue\",\"formula\":\"1\"}}]}";
    }

    private Api.Response create(String name, String variable) {
        return api.json("POST", "/campaigns", document(name, variable));
    }

    @Test
    void a_client_at_its_cap_cannot_create_one_more_campaign_until_it_deletes_one() {
        assertThat(create("first", "$.amount").status()).isEqualTo(201);
        assertThat(create("second", "$.amount").status()).isEqualTo(201);

        Api.Response third = create("third", "$.amount");

        assertThat(third.status()).isEqualTo(409);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.json().get("type").asText()).endsWith("/campaign-limit-reached");
        assertThat(third.json().get("detail").asText()).contains("2 campaigns").contains("max-per-client");
        assertThat(api.get("/campaigns/third?client=" + client).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/campaigns/first?client=" + client, null, java.util.Map.of()).status())
                .isEqualTo(204);
        assertThat(create("third", "$.amount").status()).isEqualTo(201);
    }

    @Test
    void a_regex_path_is_refused_at_create_with_the_bad_path_and_why() {
        Api.Response refused = create("regex", "$[?(@.account_id =~ /^(a+)+$/)].amount");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("/rules/0/variable");
        assertThat(refused.json().get("errors").get(0).toString()).contains("regular expressions (=~) are not allowed")
                .contains("@.account_id =~");
    }

    @Test
    void a_deep_scan_is_refused_when_patched_in() {
        assertThat(create("patched", "$.amount").status()).isEqualTo(201);

        Api.Response refused = api.json("PATCH", "/campaigns/patched?client=" + client,
                "{\"rules\":[{\"variable\":\"$..amount\",\"condition\":{\"rule\":\"exists\",\"value\":true},"
                        + "\"action\":{\"command\":\"issue\",\"formula\":\"1\"}}]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("/rules/0/variable");
        assertThat(refused.json().get("errors").get(0).toString()).contains("deep scans (..) are not allowed");
        assertThat(api.get("/campaigns/patched?client=" + client).json().get("rules").get(0).get("variable").asText())
                .isEqualTo("$.amount");
    }

    @Test
    void a_campaign_file_with_a_function_path_is_refused_and_reported() {
        LoadingCampaignFiles.FileReport report = files.load("function.json", document("function", "$.items.length()"));

        assertThat(report.outcome()).isEqualTo(LoadingCampaignFiles.Outcome.REFUSED);
        assertThat(report.reason()).contains("/rules/0/variable").contains("functions are not allowed");
        assertThat(api.get("/campaigns/function?client=" + client).status()).isEqualTo(404);
    }

    @Test
    void a_campaign_file_beyond_the_cap_is_refused_and_reported() {
        assertThat(files.load("one.json", document("one", "$.amount")).outcome())
                .isEqualTo(LoadingCampaignFiles.Outcome.CREATED);
        assertThat(files.load("two.json", document("two", "$.amount")).outcome())
                .isEqualTo(LoadingCampaignFiles.Outcome.CREATED);

        LoadingCampaignFiles.FileReport third = files.load("three.json", document("three", "$.amount"));

        assertThat(third.outcome()).isEqualTo(LoadingCampaignFiles.Outcome.REFUSED);
        assertThat(third.reason()).contains("max-per-client");
    }
}
