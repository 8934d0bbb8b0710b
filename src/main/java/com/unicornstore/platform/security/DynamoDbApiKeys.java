package com.unicornstore.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.platform.domain.Caller;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Scopes;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * API keys issued by operators into a DynamoDB table, one item per key under the hex SHA-256 of
 * the key ({@code key_hash}): {@code client_id}, {@code scopes} (string set), optionally
 * {@code accounts} (string set), {@code channel} (adds scope {@code channel:<name>}),
 * {@code requests_per_minute}, and {@code revoked}. An absent, revoked or malformed item is no key.
 * Lookups go by key (one GetItem, never a Query) and are cached, found or not, for a bounded time
 * in a bounded cache; a failed lookup is not cached.
 */
final class DynamoDbApiKeys implements ApiKeyDirectory {

    static final String KEY_HASH = "key_hash";
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbApiKeys.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cache<String, Optional<ApiKeys.Stored>> cache;

    DynamoDbApiKeys(DynamoDbClient dynamo, String table, KeyTableProperties properties) {
        this.dynamo = dynamo;
        this.table = table;
        // size-bounded with frequency-based admission: a flood of made-up keys cannot push real ones out
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl()).build();
    }

    @Override
    public Optional<ApiKeys.Stored> byHash(byte[] sha256) {
        return cache.get(HexFormat.of().formatHex(sha256), this::load);
    }

    private Optional<ApiKeys.Stored> load(String hash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(KEY_HASH, Attributes.s(hash)))).item();
        if (item == null || item.isEmpty() || isRevoked(item)) {
            return Optional.empty();
        }
        try {
            return Optional.of(stored(hash, item));
        } catch (IllegalArgumentException malformed) {
            LOG.warn("API key item {}... refused: {}", hash.substring(0, 8), malformed.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isRevoked(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get("revoked");
        return revoked != null && Boolean.TRUE.equals(revoked.bool());
    }

    private static ApiKeys.Stored stored(String hash, Map<String, AttributeValue> item) {
        String clientId = Attributes.string(item, "client_id");
        if (!Identifiers.isValid(clientId) || clientId.startsWith(ApiKeys.DEMO_PREFIX)) {
            throw new IllegalArgumentException("client_id must be an identifier, and no " + ApiKeys.DEMO_PREFIX + "* demo client");
        }
        Set<String> scopes = new HashSet<>(strings(item, "scopes"));
        AttributeValue channel = item.get("channel");
        if (channel != null && channel.s() != null) {
            scopes.add(Scopes.CHANNEL_PREFIX + channel.s());
        }
        scopes.stream().filter(scope -> !Scopes.isKnown(scope)).findAny().ifPresent(unknown -> {
            throw new IllegalArgumentException("unknown scope '" + unknown + "'");
        });
        Integer perMinute = item.containsKey("requests_per_minute")
                ? Math.toIntExact(Attributes.number(item, "requests_per_minute")) : null;
        Caller caller = new Caller(clientId, Caller.Kind.INTEGRATOR, scopes, Set.copyOf(strings(item, "accounts")));
        return new ApiKeys.Stored(HexFormat.of().parseHex(hash), caller, perMinute);
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? List.of() : value.ss();
    }
}
