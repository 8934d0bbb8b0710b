package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class SecurityConfigurationTest {

    private static final String HASH = "3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b";
    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void the_aws_profile_refuses_to_start_with_demo_users_or_local_keys() {
        MockEnvironment aws = new MockEnvironment();
        aws.setActiveProfiles("aws");

        assertThatThrownBy(() -> configuration.apiKeys(properties(List.of(key("local-demo")), List.of()), aws, Optional.empty()))
                .hasMessageContaining("aws profile refuses to start");
        assertThatThrownBy(() -> configuration.apiKeys(properties(List.of(),
                List.of(new SecurityProperties.User("derick", "{bcrypt}x", "shopper"))), aws, Optional.empty()))
                .hasMessageContaining("aws profile refuses to start");
        assertThat(configuration.apiKeys(properties(List.of(key("partner")), List.of()), aws, Optional.empty()).isEmpty()).isFalse();
    }

    @Test
    void the_aws_profile_refuses_to_start_without_a_token_issuer() {
        MockEnvironment aws = new MockEnvironment();
        aws.setActiveProfiles("aws");
        JwtProperties none = new JwtProperties(" ", "sub", "cognito:groups", "operators", Set.of(), Duration.ofSeconds(5));
        JwtProperties cognito = new JwtProperties("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x", "sub",
                "cognito:groups", "operators", Set.of(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> SecurityConfiguration.requireIssuerInAws(none, aws)).hasMessageContaining("issuer-uri");
        SecurityConfiguration.requireIssuerInAws(cognito, aws);
        SecurityConfiguration.requireIssuerInAws(none, new MockEnvironment());
    }

    @Test
    void a_campaign_body_limit_below_the_validators_own_is_refused() {
        var small = new SecurityProperties(List.of(), List.of(),
                new SecurityProperties.Limits(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64)),
                defaults().rateLimits(), List.of());

        assertThatThrownBy(() -> configuration.apiKeys(small, new MockEnvironment(), Optional.empty()))
                .hasMessageContaining("max-campaign-body");
    }

    @Test
    void a_key_with_an_unknown_scope_or_a_malformed_hash_is_refused() {
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.ApiKey("x", HASH, Set.of("root"),
                Set.of(), null)))).hasMessageContaining("unknown scope");
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.ApiKey("x", "abc", Set.of(),
                Set.of(), null)))).hasMessageContaining("sha256");
    }

    @Test
    void a_key_is_found_by_its_hash_and_a_near_miss_is_not() {
        ApiKeys keys = new ApiKeys(List.of(key("local-demo")));

        assertThat(keys.find("local-demo-key")).isPresent();
        assertThat(keys.find("local-demo-kez")).isEmpty();
    }

    private static SecurityProperties.ApiKey key(String clientId) {
        return new SecurityProperties.ApiKey(clientId, HASH, Set.of("points:read"), Set.of(), null);
    }

    private static SecurityProperties properties(List<SecurityProperties.ApiKey> keys, List<SecurityProperties.User> users) {
        SecurityProperties defaults = defaults();
        return new SecurityProperties(keys, users, defaults.limits(), defaults.rateLimits(), List.of());
    }

    private static SecurityProperties defaults() {
        return new SecurityProperties(List.of(), List.of(),
                new SecurityProperties.Limits(DataSize.ofKilobytes(64), DataSize.ofKilobytes(512)),
                new SecurityProperties.RateLimits(300, 600, 6000, 1200, 10, 30, 10000), List.of());
    }
}
