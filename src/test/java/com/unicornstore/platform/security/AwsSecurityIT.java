package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.support.Api;
import com.unicornstore.support.AwsProfileTest;
import com.unicornstore.support.LoopbackIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The aws profile's shoppers and operators through HTTP, by JWT from an issuer served on loopback
 * (discovery document, JWKS, tokens signed by nimbus). Nothing leaves the machine.
 */
@ExtendWith(OutputCaptureExtension.class)
class AwsSecurityIT extends AwsProfileTest {

    @Autowired
    Environment environment;

    @Test
    void a_shoppers_token_names_its_subject_who_acts_only_on_that_account() {
        Api shopper = Api.bearer(port, ISSUER.token("jwt-shopper", List.of(), "test-client"));

        assertThat(shopper.get("/points?account_id=jwt-shopper").status()).isEqualTo(200);
        assertThat(shopper.get("/points?account_id=alice").status()).isEqualTo(403);
        assertThat(shopper.json("POST", "/points", "{\"account_id\":\"jwt-shopper\",\"amount\":5}").status()).isEqualTo(403);
        assertThat(shopper.get("/campaigns").status()).isEqualTo(403);
        assertThat(shopper.get("/sagas/some-saga").status()).isEqualTo(403);
        assertThat(fieldsOf(shopper.get("/actuator/health").json())).containsExactly("status");
    }

    @Test
    void a_member_of_the_operator_group_is_an_operator_and_another_group_is_not() {
        Api operator = Api.bearer(port, ISSUER.token("ops-person", List.of("staff", "operators"), "test-client"));
        Api staff = Api.bearer(port, ISSUER.token("staff-person", List.of("staff"), "test-client"));

        assertThat(operator.get("/campaigns").status()).isEqualTo(200);
        assertThat(operator.get("/points?account_id=jwt-shopper").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/health").json().has("components")).isTrue();
        assertThat(operator.json("POST", "/points", "{\"account_id\":\"jwt-shopper\",\"amount\":5}").status())
                .as("operators do not issue points").isEqualTo(403);
        assertThat(staff.get("/campaigns").status()).isEqualTo(403);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.<Function<LoopbackIssuer, Arguments>>of(
                issuer -> Arguments.of("expired", issuer.expiredToken("jwt-shopper")),
                issuer -> Arguments.of("another issuer's", issuer.tokenOfAnotherIssuer("jwt-shopper")),
                issuer -> Arguments.of("signed by a stranger's key", issuer.tokenSignedByAStranger("jwt-shopper")),
                issuer -> Arguments.of("for another app client", issuer.token("jwt-shopper", List.of(), "other-client")),
                issuer -> Arguments.of("not a JWT", "not.a.jwt")).map(make -> make.apply(ISSUER));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("refusedTokens")
    void a_bad_token_is_401_with_a_bearer_challenge(String kind, String token) {
        Api.Response response = Api.bearer(port, token).get("/points?account_id=jwt-shopper");

        assertThat(response.status()).as(kind).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer realm=\"unicorn-store\", error=\"invalid_token\"");
    }

    @Test
    void without_a_credential_the_challenge_names_bearer_tokens_and_api_keys_not_basic() {
        Api.Response response = Api.anonymous(port).get("/points?account_id=jwt-shopper");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer").contains("X-Api-Key").doesNotContain("Basic");
    }

    @Test
    void the_web_store_is_told_to_log_in_at_the_issuer_with_pkce_as_its_public_client() {
        Api.Response config = Api.anonymous(port).get("/auth/config");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("mode").asText()).isEqualTo("oidc");
        assertThat(config.json().get("authority").asText()).isEqualTo(ISSUER.issuer());
        assertThat(config.json().get("client_id").asText()).isEqualTo("test-client");
        assertThat(config.json().get("scope").asText()).isEqualTo("openid email profile");
        assertThat(config.json().has("redirect_uri")).as("none set: the store's own /login/callback").isFalse();
        assertThat(config.json().has("client_secret")).isFalse();
        String issuerOrigin = java.net.URI.create(ISSUER.issuer()).resolve("/").toString().replaceAll("/$", "");
        assertThat(config.header("Content-Security-Policy")).as("the store may fetch the issuer's discovery document")
                .contains("connect-src 'self' " + issuerOrigin + ";");
    }

    @Test
    void in_aws_logs_are_json_lines_and_traces_go_to_the_otlp_collector(CapturedOutput output) throws Exception {
        LoggerFactory.getLogger(AwsSecurityIT.class).info("aws log probe");

        String line = output.getOut().lines().filter(l -> l.contains("aws log probe")).findFirst().orElseThrow();
        JsonNode logged = new ObjectMapper().readTree(line);
        assertThat(logged.path("message").asText()).isEqualTo("aws log probe");
        assertThat(logged.path("@timestamp").isTextual()).as("an ECS line: %s", line).isTrue();
        assertThat(logged.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://localhost:4318/v1/traces");
    }

    private static List<String> fieldsOf(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
