package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Caller;
import com.unicornstore.platform.domain.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Integrators' API keys, known only by their SHA-256 hashes. A presented key is hashed and
 * compared with every configured hash in constant time, so neither the key nor how much of it
 * matched leaks through timing; a key not configured is looked up by its hash in the directory
 * (the aws profile's table), where an attacker choosing keys cannot choose what is compared.
 */
public final class ApiKeys {

    /** Client ids of the local profile's demo keys: refused in the aws profile and in the key table. */
    static final String DEMO_PREFIX = "local-";

    /** A stored key: its hash, and the caller it stands for. */
    record Stored(byte[] sha256, Caller caller, Integer requestsPerMinute) {}

    private final List<Stored> keys;
    private final Optional<ApiKeyDirectory> directory;

    public ApiKeys(List<SecurityProperties.ApiKey> configured) {
        this(configured, Optional.empty());
    }

    ApiKeys(List<SecurityProperties.ApiKey> configured, Optional<ApiKeyDirectory> directory) {
        this.keys = configured.stream().map(ApiKeys::stored).toList();
        this.directory = directory;
    }

    /** The caller the key belongs to, or empty when it is no key of ours. */
    public Optional<Stored> find(String presented) {
        byte[] hash = sha256(presented);
        Stored found = null;
        for (Stored key : keys) {
            if (MessageDigest.isEqual(hash, key.sha256()) && found == null) {
                found = key;
            }
        }
        if (found == null && directory.isPresent()) {
            return directory.get().byHash(hash);
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public boolean anyClient(java.util.function.Predicate<String> clientId) {
        return keys.stream().anyMatch(key -> clientId.test(key.caller().name()));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stored stored(SecurityProperties.ApiKey key) {
        if (key.clientId() == null || key.sha256() == null || !key.sha256().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("unicorn.security.api-keys: every key needs a client-id and a 64-digit hex sha256");
        }
        for (String scope : key.scopes()) {
            if (!Scopes.isKnown(scope)) {
                throw new IllegalStateException("API key " + key.clientId() + " has an unknown scope '" + scope + "'");
            }
        }
        Caller caller = new Caller(key.clientId(), Caller.Kind.INTEGRATOR, key.scopes(), key.accounts());
        return new Stored(HexFormat.of().parseHex(key.sha256().toLowerCase(Locale.ROOT)), caller, key.requestsPerMinute());
    }
}
