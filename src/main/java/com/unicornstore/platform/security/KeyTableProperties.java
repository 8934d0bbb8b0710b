package com.unicornstore.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys looked up in the table {@code unicorn.tables.api-keys} (the aws profile), beside the
 * configured ones: each lookup, found or not, is cached for {@code cacheTtl} in a cache of at most
 * {@code cacheSize} keys, so a revoked key stops working at most {@code cacheTtl} after its item changes.
 */
@ConfigurationProperties("unicorn.security.key-table")
public record KeyTableProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("10000") long cacheSize) {}
