package com.unicornstore.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client that behaves like the web store in a browser: it keeps the cookies it is given and
 * sends them back, and on a write copies the {@code XSRF-TOKEN} cookie into {@code X-XSRF-TOKEN}
 * (unless told not to).
 */
public final class WebSession {

    public static final String SESSION_COOKIE = "UNICORN_SESSION";
    public static final String TOKEN_COOKIE = "XSRF-TOKEN";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Api.Response login(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/login", form, Map.of("Content-Type", "application/x-www-form-urlencoded"), true);
    }

    public Api.Response logout() {
        return send("POST", "/logout", null, Map.of(), true);
    }

    public Api.Response get(String path) {
        return send("GET", path, null, Map.of(), false);
    }

    /** A JSON write with the CSRF header, as the web store sends it. */
    public Api.Response json(String method, String path, String body) {
        return send(method, path, body, Map.of("Content-Type", "application/json"), true);
    }

    public Api.Response send(String method, String path, String body, Map<String, String> headers, boolean csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (csrfHeader && cookies.containsKey(TOKEN_COOKIE)) {
            request.header("X-XSRF-TOKEN", cookies.get(TOKEN_COOKIE));
        }
        headers.forEach(request::header);
        Api.Response response = Api.call(http, request.build());
        response.raw().headers().allValues("Set-Cookie").forEach(this::keep);
        return response;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie as if the server had (e.g. an old session id an attacker kept). */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
