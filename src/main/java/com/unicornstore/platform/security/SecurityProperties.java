package com.unicornstore.platform.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call the platform and how much: integrators' API keys (stored as SHA-256 hashes only),
 * local shoppers and operators (BCrypt hashes), request limits and CORS origins.
 */
@ConfigurationProperties("unicorn.security")
public record SecurityProperties(
        @DefaultValue List<ApiKey> apiKeys,
        @DefaultValue List<User> users,
        @DefaultValue Limits limits,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue List<String> corsOrigins) {

    /** An integrator's key: the hex SHA-256 of the key, its client id, scopes, and optionally the accounts it is limited to. */
    public record ApiKey(String clientId, String sha256, @DefaultValue Set<String> scopes,
            @DefaultValue Set<String> accounts, Integer requestsPerMinute) {}

    /** A shopper or an operator of the local profile, with a BCrypt password hash. */
    public record User(String username, String passwordHash, @DefaultValue("shopper") String role) {}

    /** Request body limits: every body, and campaign documents (never below the campaign validator's own limit). */
    public record Limits(@DefaultValue("64KB") DataSize maxBody, @DefaultValue("512KB") DataSize maxCampaignBody) {}

    /**
     * Requests per minute and principal, per kind of caller (an API key may set its own), and failed
     * session logins per minute, per user name and per client address; per instance.
     */
    public record RateLimits(
            @DefaultValue("300") int anonymousPerMinute,
            @DefaultValue("600") int shopperPerMinute,
            @DefaultValue("6000") int integratorPerMinute,
            @DefaultValue("1200") int operatorPerMinute,
            @DefaultValue("10") int loginPerUserPerMinute,
            @DefaultValue("30") int loginPerAddressPerMinute,
            @DefaultValue("10000") int trackedPrincipals) {}
}
