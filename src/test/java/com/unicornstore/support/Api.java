package com.unicornstore.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for the API under test: what a partner system would use. By default it
 * authenticates with the local profile's demo integrator key (every scope); {@link #as} gives a
 * client with other credentials, or none.
 */
public final class Api {

    /** The local profile's demo integrator key, with every scope. */
    public static final String DEMO_KEY = "local-demo-key";
    /** The principal the demo key stands for: its client id. */
    public static final String DEMO_CLIENT = "local-demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> credentials;

    public Api(int port) {
        this(port, Map.of("X-Api-Key", DEMO_KEY));
    }

    private Api(int port, Map<String, String> credentials) {
        this.base = "http://127.0.0.1:" + port;
        this.credentials = credentials;
    }

    /** A client with no credential at all. */
    public static Api anonymous(int port) {
        return new Api(port, Map.of());
    }

    /** A client that sends this API key. */
    public static Api withKey(int port, String key) {
        return new Api(port, Map.of("X-Api-Key", key));
    }

    /** A client that logs in with HTTP Basic (shoppers, operators). */
    public static Api basic(int port, String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Api(port, Map.of("Authorization", "Basic " + token));
    }

    /** A client that sends this bearer token (the aws profile's shoppers and operators). */
    public static Api bearer(int port, String token) {
        return new Api(port, Map.of("Authorization", "Bearer " + token));
    }

    /** A response: status, headers and body, with the body parsed when it is JSON. */
    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher), headers);
    }

    /** A JSON request, as a well-behaved client sends it. */
    public Response json(String method, String path, String body) {
        return send(method, path, body, Map.of("Content-Type", "application/json"));
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        boolean ownCredential = headers.keySet().stream()
                .anyMatch(name -> name.equalsIgnoreCase("X-Api-Key") || name.equalsIgnoreCase("Authorization"));
        if (!ownCredential) {
            credentials.forEach(request::header);
        }
        headers.forEach(request::header);
        return call(http, request.timeout(Duration.ofSeconds(30)).build());
    }

    /** Sends one request and reads the whole answer; shared with {@link WebSession}. */
    static Response call(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            RecordedResponses.record(response);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
