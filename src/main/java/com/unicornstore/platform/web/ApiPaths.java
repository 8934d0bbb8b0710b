package com.unicornstore.platform.web;

import java.util.List;

/**
 * Which paths belong to the JSON API (problem+json answers, never the web store's index.html);
 * every other path is the web store's. {@code /login} and {@code /logout} are not among them: they
 * are POSTed to, while a GET of them is a page of the web store.
 */
public final class ApiPaths {

    private static final List<String> PREFIXES = List.of("/products", "/points", "/purchase", "/purchases", "/users",
            "/campaigns", "/sagas", "/actuator", "/api-doc", "/me", "/auth", "/channels", "/dead-letters", "/livez", "/readyz", "/wallets");

    private ApiPaths() {}

    /** True for a path of the API: a prefix itself or anything below it. */
    public static boolean isApi(String path) {
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
