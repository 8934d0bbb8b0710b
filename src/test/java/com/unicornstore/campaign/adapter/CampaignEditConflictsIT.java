package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Optimistic concurrency of campaign edits: ETag on the answers, If-Match on PATCH, 412 for an edit of an old version. */
@PlatformIntegrationTest
class CampaignEditConflictsIT {

    private static final String RULE = "{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
            + "\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}";

    @LocalServerPort
    int port;

    Api api;
    String client;
    String path;

    @BeforeEach
    void campaign() {
        api = new Api(port);
        client = "editors-" + UUID.randomUUID().toString().substring(0, 8);
        path = "/campaigns/spring?client=" + client;
        Api.Response created = api.json("POST", "/campaigns",
                "{\"client\":\"" + client + "\",\"campaign_name\":\"spring\",\"rules\":[" + RULE + "]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
    }

    private Api.Response patch(String ifMatch, String body) {
        return api.send("PATCH", path, body, ifMatch == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "If-Match", ifMatch));
    }

    @Test
    void the_second_of_two_editors_of_one_version_gets_412_with_the_current_version_and_nothing_of_his_is_written() {
        String aliceReads = api.get(path).header("ETag");
        String bobReads = api.get(path).header("ETag");
        assertThat(aliceReads).isEqualTo(bobReads).isEqualTo("\"1\"");

        Api.Response alice = patch(aliceReads, "{\"description\":\"alice's\"}");
        Api.Response bob = patch(bobReads, "{\"description\":\"bob's\",\"priority\":7}");

        assertThat(alice.status()).isEqualTo(200);
        assertThat(alice.header("ETag")).isEqualTo("\"2\"");
        assertThat(bob.status()).isEqualTo(412);
        assertThat(bob.contentType()).startsWith("application/problem+json");
        assertThat(bob.json().get("type").asText()).endsWith("/precondition-failed");
        assertThat(bob.json().get("current_version").asLong()).isEqualTo(2);
        Api.Response stored = api.get(path);
        assertThat(stored.json().get("description").asText()).isEqualTo("alice's");
        assertThat(stored.json().path("priority").asInt()).isNotEqualTo(7);

        Api.Response bobAgain = patch(stored.header("ETag"), "{\"description\":\"bob's\"}");
        assertThat(bobAgain.status()).as("onto the version he now read").isEqualTo(200);
        assertThat(bobAgain.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void of_editors_patching_one_version_at_the_same_moment_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String body = "{\"description\":\"editor " + i + "\"}";
                edits.add(pool.submit(() -> {
                    start.await();
                    return patch("\"1\"", body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> edit : edits) {
                statuses.add(edit.get(30, TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(api.get(path).json().get("version").asLong()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_weak_or_malformed_if_match_is_400_and_star_or_no_header_applies_the_patch_to_the_newest_version() {
        Api.Response weak = patch("W/\"1\"", "{\"description\":\"x\"}");
        Api.Response malformed = patch("1", "{\"description\":\"x\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get(path).header("ETag")).as("nothing written").isEqualTo("\"1\"");

        assertThat(patch(null, "{\"description\":\"no header\"}").header("ETag")).isEqualTo("\"2\"");
        assertThat(patch("*", "{\"description\":\"any version\"}").header("ETag")).isEqualTo("\"3\"");
        assertThat(patch("\"9\", \"3\"", "{\"description\":\"one of a list\"}").status()).isEqualTo(200);
    }

    @Test
    void an_if_match_on_an_unknown_campaign_is_still_404() {
        Api.Response response = api.send("PATCH", "/campaigns/nope?client=" + client, "{\"description\":\"x\"}",
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""));

        assertThat(response.status()).isEqualTo(404);
    }
}
