package com.unicornstore.platform.security;

import java.util.Optional;

/** Where API keys beyond the configured ones are found, by the SHA-256 of the presented key. */
interface ApiKeyDirectory {

    /** The key stored under this hash; empty when there is none, or it was revoked. */
    Optional<ApiKeys.Stored> byHash(byte[] sha256);
}
