package com.unicornstore.platform.security;

import static com.unicornstore.support.WebSession.SESSION_COOKIE;
import static com.unicornstore.support.WebSession.TOKEN_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web store's session login through HTTP: login, /me, logout, CSRF for session writes only, session ids. */
@PlatformIntegrationTest
class SessionLoginIT {

    private static final String REDEEM = "{\"account_id\":\"derick\",\"amount\":1}";

    @LocalServerPort
    int port;

    WebSession browser;

    @BeforeEach
    void browser() {
        browser = new WebSession(port);
    }

    @Test
    void a_shopper_logs_in_with_his_password_and_the_session_cookie_is_http_only_and_same_site_lax() {
        Api.Response before = browser.get("/me");
        assertThat(before.status()).isEqualTo(401);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(browser.cookie(TOKEN_COOKIE)).as("every answer hands out the CSRF token").isNotBlank();
        assertThat(setCookie(before, TOKEN_COOKIE)).doesNotContainIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Api.Response login = browser.login("derick", "unicorn");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("principal").asText()).isEqualTo("derick");
        assertThat(login.json().get("kind").asText()).isEqualTo("shopper");
        assertThat(login.json().get("account_id").asText()).isEqualTo("derick");
        assertThat(login.header("Location")).isNull();
        assertThat(setCookie(login, SESSION_COOKIE)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.get("/me").json().get("principal").asText()).isEqualTo("derick");
        assertThat(browser.get("/points?account_id=derick").status()).isEqualTo(200);
        assertThat(browser.get("/points?account_id=alice").status()).as("still only his own account").isEqualTo(403);
    }

    @Test
    void an_operator_logs_in_and_me_names_his_kind_and_scopes() {
        browser.get("/me");
        JsonNode me = browser.login("admin", "unicorn-admin").json();

        assertThat(me.get("kind").asText()).isEqualTo("operator");
        assertThat(me.has("account_id")).isFalse();
        assertThat(me.get("scopes").toString()).contains("campaigns:admin", "operator");
        assertThat(browser.get("/campaigns").status()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_401_problem_json_and_starts_no_session() {
        browser.get("/me");

        Api.Response refused = browser.login("derick", "not-his-password");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/bad-credentials");
        assertThat(refused.header("Location")).isNull();
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
        assertThat(browser.get("/me").status()).isEqualTo(401);
    }

    @Test
    void guessing_a_users_password_meets_429_with_retry_after_and_other_users_still_log_in() {
        browser.get("/me");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(browser.login("guessed-user", "guess-" + i).status());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.get(10)).isEqualTo(429);
        Api.Response refused = browser.login("guessed-user", "guess-11");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(browser.login("derick", "unicorn").status()).as("another user from the same address").isEqualTo(200);
    }

    @Test
    void the_web_store_is_told_to_use_the_session_login_in_the_local_profile() {
        Api.Response config = Api.anonymous(port).get("/auth/config");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().toString()).isEqualTo("{\"mode\":\"session\"}");
    }

    @Test
    void a_login_without_the_csrf_header_is_refused_with_403() {
        browser.get("/me");

        Api.Response refused = browser.send("POST", "/login", "username=derick&password=unicorn",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).endsWith("/csrf-token-invalid");
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void a_session_write_without_the_csrf_header_is_403_problem_json_and_with_it_goes_through() {
        new Api(port).json("POST", "/points", "{\"account_id\":\"derick\",\"amount\":5}");
        browser.get("/me");
        browser.login("derick", "unicorn");

        Api.Response missing = browser.send("DELETE", "/points", REDEEM, Map.of("Content-Type", "application/json"), false);
        Api.Response wrong = browser.send("DELETE", "/points", REDEEM,
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", "forged"), false);
        Api.Response right = browser.json("DELETE", "/points", REDEEM);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asText()).endsWith("/csrf-token-invalid");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(right.status()).isEqualTo(200);
    }

    @Test
    void api_key_and_basic_requests_need_no_csrf_token_and_are_not_authenticated_by_a_session_cookie() {
        browser.get("/me");
        browser.login("derick", "unicorn");
        Map<String, String> withDerickSession = Map.of("Content-Type", "application/json",
                "Cookie", SESSION_COOKIE + "=" + browser.cookie(SESSION_COOKIE));

        Api.Response byKey = new Api(port).send("POST", "/points", "{\"account_id\":\"derick\",\"amount\":5}",
                withDerickSession);
        Api.Response byBasic = Api.basic(port, "alice", "unicorn").send("GET", "/points?account_id=derick", null,
                withDerickSession);
        Api.Response basicWrite = Api.basic(port, "derick", "unicorn").send("DELETE", "/points", REDEEM,
                withDerickSession);

        assertThat(byKey.status()).as("the key issues; derick's session could not").isEqualTo(201);
        assertThat(byBasic.status()).as("alice's Basic login counts, not derick's session").isEqualTo(403);
        assertThat(basicWrite.status()).isEqualTo(200);
    }

    @Test
    void basic_and_api_key_requests_start_no_session() {
        Api.Response basic = Api.basic(port, "derick", "unicorn").get("/points?account_id=derick");
        Api.Response key = new Api(port).get("/points?account_id=derick");

        assertThat(basic.status()).isEqualTo(200);
        assertThat(setCookie(basic, SESSION_COOKIE)).isNull();
        assertThat(setCookie(key, SESSION_COOKIE)).isNull();
    }

    @Test
    void after_logout_the_session_cannot_be_used_again() {
        browser.get("/me");
        browser.login("derick", "unicorn");
        String session = browser.cookie(SESSION_COOKIE);

        Api.Response logout = browser.logout();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(browser.cookie(SESSION_COOKIE)).as("the cookie is cleared").isNull();
        assertThat(browser.cookie(TOKEN_COOKIE)).as("a fresh token for the next login").isNotBlank();
        browser.setCookie(SESSION_COOKIE, session);
        assertThat(browser.get("/me").status()).isEqualTo(401);
        assertThat(browser.json("DELETE", "/points", REDEEM).status()).isEqualTo(401);
        assertThat(browser.login("derick", "unicorn").status()).as("and one logs in again").isEqualTo(200);
    }

    @Test
    void logging_in_gives_a_new_session_id_so_a_planted_or_earlier_one_is_worthless() {
        browser.get("/me");
        browser.login("derick", "unicorn");
        String first = browser.cookie(SESSION_COOKIE);

        browser.login("alice", "unicorn");
        String second = browser.cookie(SESSION_COOKIE);

        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get("/me").json().get("principal").asText()).isEqualTo("alice");
        WebSession planted = new WebSession(port);
        planted.setCookie(SESSION_COOKIE, first);
        assertThat(planted.get("/me").status()).isEqualTo(401);
    }

    @Test
    void a_script_is_not_offered_basic_so_the_browser_opens_no_login_dialog() {
        Api.Response script = browser.send("GET", "/me", null, Map.of("Sec-Fetch-Mode", "cors"), false);
        Api.Response curl = browser.get("/me");

        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("WWW-Authenticate")).doesNotContain("Basic").contains("X-Api-Key");
        assertThat(curl.header("WWW-Authenticate")).contains("Basic");
    }

    @Test
    void an_integrator_key_is_named_by_me() {
        JsonNode me = new Api(port).get("/me").json();

        assertThat(me.get("principal").asText()).isEqualTo("local-demo");
        assertThat(me.get("kind").asText()).isEqualTo("integrator");
        assertThat(me.get("scopes").size()).isEqualTo(7);
    }

    private static String setCookie(Api.Response response, String name) {
        List<String> all = response.raw().headers().allValues("Set-Cookie");
        return all.stream().filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;")).findFirst().orElse(null);
    }
}
