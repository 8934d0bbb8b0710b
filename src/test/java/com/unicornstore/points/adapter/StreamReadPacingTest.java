package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.DynamoDBStreamsSleepTimeController;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.retrieval.polling.PollingConfig;
import software.amazon.kinesis.retrieval.polling.SleepTimeControllerConfig;

class StreamReadPacingTest {

    private static final long IDLE = 1500;
    private final StreamReadPacing pacing = new StreamReadPacing();

    private long sleepAfter(Integer records, Duration ago) {
        return pacing.getSleepTimeMillis(SleepTimeControllerConfig.builder().idleMillisBetweenCalls(IDLE)
                .lastSuccessfulCall(ago == null ? null : Instant.now().minus(ago)).lastRecordsCount(records).build());
    }

    @Test
    void a_read_that_brought_records_is_followed_by_the_next_after_the_shortest_gap_the_stream_allows() {
        assertThat(sleepAfter(3, Duration.ZERO)).isBetween(150L, 200L);
        assertThat(sleepAfter(3, Duration.ofMillis(500))).isZero();
    }

    @Test
    void after_reads_that_brought_nothing_the_pause_doubles_up_to_twice_the_idle_pause_as_the_adapter_paces_idle_shards() {
        assertThat(sleepAfter(0, Duration.ZERO)).isBetween(350L, 400L);
        assertThat(sleepAfter(0, Duration.ZERO)).isBetween(750L, 800L);
        assertThat(sleepAfter(0, Duration.ZERO)).isBetween(1550L, 1600L);
        assertThat(sleepAfter(0, Duration.ZERO)).isBetween(2 * IDLE - 50, 2 * IDLE);
        for (int i = 0; i < 40; i++) {
            assertThat(sleepAfter(0, Duration.ZERO)).isBetween(2 * IDLE - 50, 2 * IDLE);
        }
        assertThat(sleepAfter(0, Duration.ofMillis(1000))).isBetween(2 * IDLE - 1050, 2 * IDLE - 1000);
        assertThat(sleepAfter(0, Duration.ofSeconds(5))).isZero();

        assertThat(sleepAfter(2, Duration.ZERO)).as("records again").isBetween(150L, 200L);
        assertThat(sleepAfter(0, Duration.ZERO)).as("the first empty read after them").isBetween(350L, 400L);
    }

    @Test
    void each_shards_reader_thread_counts_its_own_empty_reads() throws Exception {
        sleepAfter(0, Duration.ZERO);
        sleepAfter(0, Duration.ZERO);
        long[] other = new long[1];
        Thread shard = new Thread(() -> other[0] = sleepAfter(0, Duration.ZERO));
        shard.start();
        shard.join();
        assertThat(other[0]).isBetween(350L, 400L);
        assertThat(sleepAfter(0, Duration.ZERO)).isBetween(1550L, 1600L);
    }

    @Test
    void before_the_first_read_it_waits_the_idle_pause() {
        assertThat(sleepAfter(null, null)).isEqualTo(IDLE);
    }

    @Test
    void the_scheduler_factory_setting_the_adapters_pacing_leaves_this_one_in_place() {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9")) // never called
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            PollingConfig config = StreamReadPacing.pollingConfig(
                    new AmazonDynamoDBStreamsAdapterClient(streams, Region.US_EAST_1), Duration.ofMillis(IDLE), 200);
            config.sleepTimeController(new DynamoDBStreamsSleepTimeController()); // what StreamsSchedulerFactory does

            assertThat(config.sleepTimeController()).isInstanceOf(StreamReadPacing.class);
            assertThat(config.idleTimeBetweenReadsInMillis()).isEqualTo(IDLE);
            assertThat(config.maxRecords()).as("records a read asks for").isEqualTo(200);
        }
    }

    @Test
    void a_read_limit_that_no_getrecords_accepts_is_refused_at_start_up() {
        for (int refused : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> new BalanceStreamSettings(true, "us-east-1", "events", "app", "leases", "coordinator",
                    "worker", Duration.ofSeconds(10), Duration.ofMillis(IDLE), Duration.ofSeconds(8), Duration.ofSeconds(1),
                    refused)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-records");
        }
        assertThat(new BalanceStreamSettings(true, "us-east-1", "events", "app", "leases", "coordinator", "worker",
                Duration.ofSeconds(10), Duration.ofMillis(IDLE), Duration.ofSeconds(8), Duration.ofSeconds(1), 1000)
                .maxRecords()).isEqualTo(1000);
    }
}
