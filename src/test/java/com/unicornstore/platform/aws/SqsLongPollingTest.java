package com.unicornstore.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A stop's aborted receives are expected: they are not logged as failures; everything else still is. */
class SqsLongPollingTest {

    private final List<String> delegated = new ArrayList<>();
    private final ExceptionHandler recording = new ExceptionHandler() {
        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            delegated.add(message);
        }
    };

    @Test
    void failed_receives_are_reported_until_the_stop_aborts_them_and_a_failed_exchange_always() throws Exception {
        SdkHttpClient http = ApacheHttpClient.create();
        // built, never called: no traffic leaves the machine
        SqsClient client = SqsClient.builder().region(Region.US_EAST_1).httpClient(http)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        try (SqsLongPolling polling = new SqsLongPolling(client, http, Duration.ofSeconds(20));
                DefaultCamelContext camel = new DefaultCamelContext()) {
            ExceptionHandler handler = polling.new AbortedReceivesQuiet(recording);
            Exchange exchange = new DefaultExchange(camel);

            handler.handleException("Failed polling endpoint: before", new IllegalStateException("backend down"));
            polling.abortPolls();
            handler.handleException("Failed polling endpoint: after", new IllegalStateException("Connection pool shut down"));
            handler.handleException("Error during processing exchange", exchange, new IllegalStateException("route failed"));

            assertThat(delegated).containsExactly("Failed polling endpoint: before", "Error during processing exchange");
        }
    }
}
