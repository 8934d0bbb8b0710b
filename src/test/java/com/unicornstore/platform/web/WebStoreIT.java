package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The web store's files through HTTP: index.html at / and for deep links, cache headers, CSP, API paths untouched. */
@PlatformIntegrationTest
@TestPropertySource(properties = "unicorn.web.static-location=classpath:/web-store-fixture/")
class WebStoreIT {

    private static final Map<String, String> BROWSER = Map.of("Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    @LocalServerPort
    int port;

    Api anonymous;

    @BeforeEach
    void client() {
        anonymous = Api.anonymous(port);
    }

    @Test
    void the_root_serves_index_html_to_anyone_revalidated_on_every_use_and_under_the_csp() {
        Api.Response root = anonymous.send("GET", "/", null, BROWSER);

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith("text/html");
        assertThat(root.body()).contains("web-store-fixture");
        assertThat(root.header("Cache-Control")).contains("no-cache").doesNotContain("immutable");
        assertThat(root.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("style-src 'self' 'unsafe-inline'").contains("img-src 'self' data:");
        assertThat(anonymous.send("GET", "/index.html", null, BROWSER).header("Cache-Control")).contains("no-cache");
    }

    @Test
    void a_deep_link_opened_in_a_browser_gets_index_html() {
        Api.Response deep = anonymous.send("GET", "/account/points/history", null, BROWSER);
        Api.Response loginPage = anonymous.send("GET", "/login", null, BROWSER);

        assertThat(deep.status()).isEqualTo(200);
        assertThat(deep.body()).contains("web-store-fixture");
        assertThat(loginPage.status()).as("only POST /login is the API").isEqualTo(200);
        assertThat(loginPage.body()).contains("web-store-fixture");
    }

    @Test
    void hashed_assets_are_cached_for_a_year_as_immutable() {
        Api.Response script = anonymous.send("GET", "/assets/app-3f2a1b9c.js", null, Map.of("Accept", "*/*"));

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("loaded");
        assertThat(script.header("Cache-Control")).contains("max-age=31536000").contains("immutable").contains("public");
    }

    @Test
    void api_paths_answer_problem_json_404_even_to_a_browser() {
        Api.Response unknownApi = new Api(port).send("GET", "/campaigns/x/y/z", null, BROWSER);

        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.send("GET", "/points/nope", null, BROWSER).status())
                .as("and stay closed to anonymous callers").isEqualTo(401);
    }

    @Test
    void a_missing_file_or_a_request_that_does_not_ask_for_html_is_an_honest_404() {
        Api.Response missingAsset = anonymous.send("GET", "/assets/gone-1234.js", null, Map.of("Accept", "*/*"));
        Api.Response json = anonymous.send("GET", "/account", null, Map.of("Accept", "application/json"));

        assertThat(missingAsset.status()).isEqualTo(404);
        assertThat(missingAsset.contentType()).startsWith("application/problem+json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
    }

    @Test
    void swagger_ui_at_api_doc_ui_loads_every_file_from_the_platform_and_reads_its_own_api_doc() {
        Api.Response page = anonymous.send("GET", "/api-doc/ui", null, BROWSER);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        List<String> files = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body()).results()
                .map(found -> found.group(1)).toList();
        assertThat(files).as("scripts, styles and icon of the page").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(file -> assertThat(file).as("served by the platform, no CDN").startsWith("/api-doc/ui/"));
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        for (String file : files) {
            Api.Response loaded = anonymous.send("GET", file, null, Map.of("Accept", "*/*"));
            assertThat(loaded.status()).as(file).isEqualTo(200);
            assertThat(loaded.body()).as(file).isNotEmpty();
            bodies.put(file, loaded.body());
        }
        assertThat(bodies.get("/api-doc/ui/swagger-ui-bundle.js")).contains("SwaggerUIBundle");
        assertThat(bodies.get("/api-doc/ui/swagger-ui.css")).contains(".swagger-ui");
        assertThat(bodies.get("/api-doc/ui/swagger-initializer.js")).contains("url: \"/api-doc\"")
                .doesNotContain("petstore").contains("validatorUrl: null");
        Api.Response document = anonymous.get("/api-doc");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(anonymous.send("GET", "/api-doc/ui/", null, BROWSER).body()).isEqualTo(page.body());
    }
}
