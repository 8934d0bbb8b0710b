package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.support.OffLoopbackConnections;
import com.unicornstore.support.PlatformIntegrationTest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.coordinator.Scheduler;

/**
 * The application's own reader of the events stream (Kinesis Client Library, DynamoDB Streams
 * adapter) against moto: it checkpoints a batch once its views are stored, resumes after its
 * checkpoint, parks poison and checkpoints past it, gives its lease back on a graceful stop, and
 * never opens a connection off loopback (a JVM-wide {@link OffLoopbackConnections} installed before the
 * application starts sees every java.net connection, such as the KCL's EC2 metadata look-up).
 */
@PlatformIntegrationTest
class BalanceStreamReaderIT extends PointsClient {

    private static OffLoopbackConnections offLoopback;

    @Autowired
    BalanceStreamWorker worker;

    @Autowired
    StreamReaderClients readerClients;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DynamoDbStreamsClient streams;

    @Autowired
    AwsResourceNames names;

    @Autowired
    CamelContext camel;

    @Value("${points.projection.stream.stop-timeout}")
    Duration stopTimeout;

    private final AtomicInteger projected = new AtomicInteger();
    private EventNotifierSupport counting;

    @BeforeAll
    static void catchEveryConnectionThroughJavaNet() {
        offLoopback = OffLoopbackConnections.install();
    }

    @AfterAll
    static void restoreProxySelector() {
        offLoopback.uninstall();
    }

    /** Counts the stream records handed to the projection, batch by batch. */
    @BeforeEach
    void countProjectedRecords() {
        counting = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                // the batch's own exchange, not the split's copies (one record each)
                if (event instanceof CamelEvent.ExchangeCompletedEvent done
                        && "points.project-batch".equals(done.getExchange().getFromRouteId())
                        && done.getExchange().getIn().getBody() instanceof List<?> batch) {
                    projected.addAndGet(batch.size());
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(counting);
    }

    @AfterEach
    void readerRunsAgain() {
        camel.getManagementStrategy().removeEventNotifier(counting);
        if (!worker.isRunning()) {
            worker.start();
        }
    }

    /** A local backend's restart calls {@code restart()} on its own thread, maybe while the application stops. */
    @Test
    void a_restart_under_way_when_the_application_stops_leaves_no_reader_running() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> readerThreads() == 1);
        Thread restarting = new Thread(worker::restart, "restarting");
        restarting.start();

        worker.stop();
        restarting.join(stopTimeout.multipliedBy(3).toMillis());

        assertThat(restarting.isAlive()).isFalse();
        assertThat(worker.isRunning()).isFalse();
        await("no reader outlives the stop").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(readerThreads()).isZero());
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && "balance-stream".equals(thread.getName())).count();
    }

    @Test
    void a_batch_is_checkpointed_once_in_the_view_and_a_restarted_reader_resumes_after_the_checkpoint() {
        api.json("POST", "/points", "{\"account_id\":\"resume\",\"amount\":10}");
        api.json("POST", "/points", "{\"account_id\":\"resume\",\"amount\":5}");
        await().atMost(Duration.ofSeconds(20)).until(() -> balanceOf("resume") == 15);
        await("checkpoint at the last record").atMost(Duration.ofSeconds(20))
                .until(() -> checkpoint().equals(lastSequenceNumber()));

        ch.qos.logback.classic.Logger kcl = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Scheduler.class);
        ListAppender<ILoggingEvent> kclLines = new ListAppender<>();
        kclLines.start();
        kcl.addAppender(kclLines);
        long stoppingAt = System.nanoTime();
        try {
            worker.stop();
        } finally {
            kcl.detachAppender(kclLines);
        }
        Duration stopped = Duration.ofNanos(System.nanoTime() - stoppingAt);
        assertThat(stopped).as("graceful stop within its timeout").isLessThan(stopTimeout);
        assertThat(kclLines.list).as("a graceful stop is no error").noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(lease()).as("lease given back").doesNotContainKey("leaseOwner");
        String checkpointAtStop = checkpoint();

        api.json("POST", "/points", "{\"account_id\":\"resume\",\"amount\":1}");
        api.json("POST", "/points", "{\"account_id\":\"resume-too\",\"amount\":2}");
        projected.set(0);
        worker.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> balanceOf("resume") == 16 && balanceOf("resume-too") == 2);
        assertThat(new BigInteger(checkpointAtStop)).isLessThan(new BigInteger(lastSequenceNumber()));
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpoint().equals(lastSequenceNumber()));
        assertThat(projected.get()).as("only the records written after the checkpoint").isEqualTo(2);
    }

    @Test
    void a_poison_record_is_parked_and_the_shard_is_checkpointed_past_it() {
        Map<String, AttributeValue> poison = new HashMap<>(EventItems.toItem(1, issued("kcl-poison", 10)));
        poison.put("amount", AttributeValue.fromN("0"));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(poison));
        String poisonSequence = lastSequenceNumber();
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(2, issued("kcl-poison", 7))));

        await().atMost(Duration.ofSeconds(20)).until(() -> balanceOf("kcl-poison") == 7);
        assertThat(dynamo.getItem(b -> b.tableName(names.tables().pointParkedRecords())
                .key(Map.of("record_key", AttributeValue.fromS("point-events/kcl-poison#1")))).item().get("reason").s())
                .contains("amount");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> new BigInteger(checkpoint()).compareTo(new BigInteger(poisonSequence)) > 0);
    }

    @Test
    void the_reader_talks_to_loopback_only() {
        api.json("POST", "/points", "{\"account_id\":\"loopback\",\"amount\":3}");
        await().atMost(Duration.ofSeconds(20)).until(() -> balanceOf("loopback") == 3);

        assertThat(System.getenv("AWS_EC2_METADATA_DISABLED")).isEqualTo("true");
        assertThat(readerClients.counter().snapshot().keySet()).anyMatch(call -> call.endsWith(".GetRecords"));
        assertThat(List.of(readerClients.streams().serviceClientConfiguration().endpointOverride(),
                readerClients.dynamo().serviceClientConfiguration().endpointOverride(),
                readerClients.cloudWatch().serviceClientConfiguration().endpointOverride()))
                .allSatisfy(endpoint -> assertThat(endpoint)
                        .hasValueSatisfying(uri -> assertThat(OffLoopbackConnections.isLoopback(uri.getHost())).isTrue()));
        assertThat(offLoopback.seen()).isEmpty();
    }

    private Map<String, AttributeValue> lease() {
        return EventStreamRecords.lease(dynamo, streams, names);
    }

    private String checkpoint() {
        return EventStreamRecords.checkpoint(dynamo, streams, names);
    }

    private String lastSequenceNumber() {
        return EventStreamRecords.lastSequenceNumber(streams, names.tables().pointEvents());
    }

    private static PointsIssued issued(String account, long amount) {
        Instant now = Instant.now();
        return new PointsIssued(UUID.randomUUID().toString(), account, amount, now, "test", now.plusSeconds(3600));
    }
}
