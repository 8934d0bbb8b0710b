package com.unicornstore.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Consumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
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
        try (SqsLongPolling polling = polling();
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

    @Test
    void camels_own_error_line_for_a_receive_is_dropped_only_between_the_abort_and_the_close() {
        Logger camel = (Logger) LoggerFactory.getLogger(Sqs2Consumer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        camel.addAppender(logged);
        SqsLongPolling polling = polling();
        try {
            camel.error(AbortedReceiveLog.CAMEL_MESSAGE, new IllegalStateException("before the stop"));
            polling.abortPolls();
            camel.error(AbortedReceiveLog.CAMEL_MESSAGE, AbortedException.create("Thread was interrupted"));
            camel.error("Error while polling {} queue does not exists", "unicorn-orders");
            camel.warn(AbortedReceiveLog.CAMEL_MESSAGE, new IllegalStateException("a warning is kept"));
            polling.close();
            camel.error(AbortedReceiveLog.CAMEL_MESSAGE, new IllegalStateException("after the close"));

            assertThat(logged.list).extracting(event -> event.getThrowableProxy() == null
                    ? event.getFormattedMessage() : event.getThrowableProxy().getMessage())
                    .containsExactly("before the stop", "Error while polling unicorn-orders queue does not exists",
                            "a warning is kept", "after the close");
        } finally {
            polling.close();
            camel.detachAppender(logged);
        }
    }

    private static SqsLongPolling polling() {
        SdkHttpClient http = ApacheHttpClient.create();
        // built, never called: no traffic leaves the machine
        SqsClient client = SqsClient.builder().region(Region.US_EAST_1).httpClient(http)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        return new SqsLongPolling(client, http, Duration.ofSeconds(20));
    }
}
