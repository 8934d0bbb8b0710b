package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.unicornstore.platform.aws.WriteOutcomeUnknown;
import com.unicornstore.platform.aws.WriteOutcomes;
import com.unicornstore.platform.domain.DetailedFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A backend that reads every request and never answers: a write that the SDK gives up on is an
 * outcome-unknown 503 (with the facts the failure carries), a read is backend-unavailable.
 */
class OutcomeUnknownProblemTest {

    private ServerSocket silent;
    private Thread acceptor;
    private DynamoDbClient dynamo;
    private final ProblemMapper mapper = new ProblemMapper();

    @BeforeEach
    void aBackendThatNeverAnswers() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try (Socket connection = silent.accept()) {
                    connection.getInputStream().read(new byte[8192]); // takes the request, closes without a word
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(5))
                        .addExecutionInterceptor(new WriteOutcomes()).build())
                .build();
    }

    @AfterEach
    void close() throws IOException {
        dynamo.close();
        silent.close();
    }

    @Test
    void an_unanswered_write_is_an_outcome_unknown_503_carrying_the_purchase_id() {
        Throwable failure = catchThrowable(() -> dynamo.putItem(b -> b.tableName("t").item(Map.of("k", AttributeValue.fromS("v")))));

        assertThat(WriteOutcomeUnknown.in(failure)).isNotNull();
        assertThat(WriteOutcomeUnknown.in(failure).operation()).isEqualTo("DynamoDb.PutItem");
        Problem problem = mapper.toProblem(new DetailedFailure(failure, Map.of("purchase_id", "p-1")));
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("https://unicorn.store/problems/outcome-unknown");
        assertThat(problem.detail()).contains("Idempotency-Key");
        assertThat(problem.extensions()).containsEntry("purchase_id", "p-1");
    }

    @Test
    void an_unanswered_read_stays_backend_unavailable() {
        Throwable failure = catchThrowable(() -> dynamo.getItem(b -> b.tableName("t").key(Map.of("k", AttributeValue.fromS("v")))));

        assertThat(WriteOutcomeUnknown.in(failure)).isNull();
        Problem problem = mapper.toProblem(failure);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("https://unicorn.store/problems/backend-unavailable");
    }
}
