package com.unicornstore.platform.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's liveness check (ECS runs it in the image, which has no curl): exits 0 when the
 * URL answers 200, 1 otherwise. Liveness holds no backend, so a DynamoDB outage never fails it.
 */
public final class LivenessProbe {

    private LivenessProbe() {}

    public static void main(String[] args) {
        System.exit(check(URI.create(args.length > 0 ? args[0] : "http://localhost:8080/livez")));
    }

    static int check(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
