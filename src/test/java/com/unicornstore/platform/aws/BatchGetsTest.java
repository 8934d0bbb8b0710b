package com.unicornstore.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import com.unicornstore.platform.web.ProblemMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A DynamoDB endpoint that leaves keys unprocessed, as a throttled table does (moto never does):
 * they are asked again until answered, and a table that never answers them fails the read as
 * backend-unavailable after the bounded number of calls instead of looping for ever.
 */
class BatchGetsTest {

    private static final String ANSWERED = "{\"Responses\":{\"t\":[{\"k\":{\"S\":\"a\"}}]},\"UnprocessedKeys\":{}}";
    private static final String LEFT_OVER = "{\"Responses\":{\"t\":[]},\"UnprocessedKeys\":{\"t\":{\"Keys\":[{\"k\":{\"S\":\"a\"}}]}}}";
    private static final KeysAndAttributes KEYS = KeysAndAttributes.builder()
            .keys(Map.of("k", AttributeValue.fromS("a"))).build();

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private DynamoDbClient dynamo;

    @AfterEach
    void stop() {
        dynamo.close();
        server.stop(0);
    }

    @Test
    void keys_left_unprocessed_are_asked_again_until_they_are_answered() throws IOException {
        answering(call -> call < 3 ? LEFT_OVER : ANSWERED);
        List<Map<String, AttributeValue>> found = new ArrayList<>();

        new BatchGets(5, Duration.ofMillis(1), Duration.ofMillis(2)).each(dynamo, "t", KEYS, found::add);

        assertThat(found).containsExactly(Map.of("k", AttributeValue.fromS("a")));
        assertThat(calls).hasValue(3);
    }

    @Test
    void keys_never_processed_fail_the_read_as_backend_unavailable_after_the_last_attempt() throws IOException {
        answering(call -> LEFT_OVER);

        Throwable failure = catchThrowable(() ->
                new BatchGets(4, Duration.ofMillis(1), Duration.ofMillis(2)).each(dynamo, "t", KEYS, item -> { }));

        assertThat(failure).hasMessageContaining("1 keys unprocessed after 4 attempts");
        assertThat(calls).hasValue(4);
        assertThat(new ProblemMapper().toProblem(failure).type()).endsWith("/backend-unavailable");
    }

    private void answering(java.util.function.IntFunction<String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.apply(calls.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
