package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.campaign.application.LoadingCampaignFiles;
import com.unicornstore.campaign.application.LoadingCampaignFiles.Outcome;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** campaign-rules/*.json: applied at start-up, one bad file never stops the others, changes applied live. */
@PlatformIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignRuleFilesIT {

    private static final Path DIRECTORY = directoryWithFiles();

    @LocalServerPort
    int port;

    @Autowired
    LoadingCampaignFiles loading;

    Api api;

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry properties) {
        properties.add("unicorn.campaigns.rules-dir", DIRECTORY::toString);
        properties.add("unicorn.campaigns.rules-poll-ms", () -> "200");
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static String campaign(String name, String formula) {
        return "{\"client\":\"FileShop\",\"campaign_name\":\"" + name + "\",\"rules\":[{\"variable\":\"$.amount\","
                + "\"condition\":{\"rule\":\"numeric_greater_than\",\"value\":100},\"action\":{\"command\":\"issue\","
                + "\"formula\":\"" + formula + "\"}}]}";
    }

    private static Path directoryWithFiles() {
        try {
            Path directory = Files.createTempDirectory("campaign-rules");
            Files.writeString(directory.resolve("a-valid.json"), campaign("valid", "$.amount/10"));
            Files.writeString(directory.resolve("b-evil.json"), campaign("evil", "__import__('os').system('id')"));
            Files.writeString(directory.resolve("c-broken.json"), "{\"client\": \"FileShop\", ");
            Files.writeString(directory.resolve("d-valid-too.json"), campaign("valid-too", "$.amount/100"));
            Files.writeString(directory.resolve("notes.txt"), "not a campaign");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(String file, String content) throws IOException {
        Path path = DIRECTORY.resolve(file);
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
    }

    private long points(String name) {
        return api.json("POST", "/campaigns/" + name + "/evaluate?client=FileShop", "{\"amount\":1700}")
                .json().get("points").asLong();
    }

    @Test
    @Order(1)
    void valid_files_are_loaded_at_start_up_and_invalid_ones_are_reported_by_name_and_reason() {
        assertThat(api.get("/campaigns/valid?client=FileShop").status()).isEqualTo(200);
        assertThat(api.get("/campaigns/valid-too?client=FileShop").status()).isEqualTo(200);
        assertThat(api.get("/campaigns/evil?client=FileShop").status()).isEqualTo(404);
        assertThat(points("valid")).isEqualTo(170);

        var reports = loading.reports();
        assertThat(reports.get("a-valid.json").outcome()).isIn(Outcome.CREATED, Outcome.UNCHANGED);
        assertThat(reports.get("b-evil.json").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reports.get("b-evil.json").reason()).contains("/rules/0/action/formula").contains("__import__");
        assertThat(reports.get("c-broken.json").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(reports.get("c-broken.json").reason()).contains("not valid JSON");
        assertThat(reports).doesNotContainKey("notes.txt");
    }

    @Test
    @Order(2)
    void a_changed_file_is_applied_without_a_restart_and_a_fixed_file_loads() throws IOException {
        rewrite("a-valid.json", campaign("valid", "$.amount/5"));
        rewrite("b-evil.json", campaign("evil", "min($.amount, 7)"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(points("valid")).isEqualTo(340);
            assertThat(api.get("/campaigns/evil?client=FileShop").status()).isEqualTo(200);
        });
        assertThat(points("evil")).isEqualTo(7);
        assertThat(loading.reports().get("b-evil.json").outcome()).isEqualTo(Outcome.CREATED);
    }
}
