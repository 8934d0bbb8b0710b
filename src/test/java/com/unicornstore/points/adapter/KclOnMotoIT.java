package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import com.unicornstore.support.LocalBackendsExtension;
import com.unicornstore.support.OffLoopbackConnections;
import com.unicornstore.support.LocalBackendsExtension.Backends;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * The Kinesis Client Library with the DynamoDB Streams adapter against moto, as far as moto goes: a
 * worker leases the shard, reads and checkpoints; a second worker takes the lease over and resumes
 * from the checkpoint. Every connection stays on loopback: each SDK request's host is checked, and
 * a JVM-wide {@link ProxySelector} catches anything opened through java.net, failing the test on
 * any address off loopback. It caught the KCL's own look-up of EC2 instance metadata (its worker
 * metrics), which AWS_EC2_METADATA_DISABLED does not stop; {@code disableWorkerMetrics} does.
 */
@ExtendWith(LocalBackendsExtension.class)
class KclOnMotoIT {

    private static final Region REGION = Region.US_EAST_1;
    private static final String TABLE = "kcl-events";
    private static final String APPLICATION = "kcl-projector";
    private static OffLoopbackConnections offLoopback;

    @BeforeAll
    static void catchEveryConnectionThroughJavaNet() {
        offLoopback = OffLoopbackConnections.install();
    }

    @AfterAll
    static void restoreProxySelector() {
        offLoopback.uninstall();
    }

    @Test
    void a_second_worker_resumes_from_the_first_ones_checkpoint_and_nothing_leaves_loopback(Backends backends)
            throws Exception {
        assertThat(System.getenv("AWS_EC2_METADATA_DISABLED")).as("set for every test run (COMMON.md)").isEqualTo("true");
        List<String> hosts = new CopyOnWriteArrayList<>();
        ExecutionInterceptor hostRecorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                hosts.add(context.httpRequest().host());
            }
        };
        DynamoDbClient dynamo = local(DynamoDbClient.builder(), backends, hostRecorder).build();
        String streamArn = createStreamedTable(dynamo);
        put(dynamo, "a", 5);

        Worker first = Worker.prepare("worker-1", streamArn, backends, hostRecorder);
        assertThat(first.scheduler().leaseRefresher().listLeases()).as("unowned leases taken before the KCL runs")
                .isNotEmpty().allMatch(lease -> "worker-1".equals(lease.leaseOwner()));
        first.run();
        await("worker-1 reading the 5 first records").atMost(Duration.ofSeconds(120)).until(() -> first.seen.size() >= 5);
        first.stop();
        assertThat(first.seen).hasSize(5);

        put(dynamo, "b", 3);
        Worker second = Worker.prepare("worker-2", streamArn, backends, hostRecorder);
        second.run();
        await("worker-2 reading the 3 new records").atMost(Duration.ofSeconds(120)).until(() -> second.seen.size() >= 3);
        second.stop();

        assertThat(second.seen).as("resumed after the checkpoint, nothing replayed")
                .containsExactlyInAnyOrder("b0", "b1", "b2");
        assertThat(hosts).isNotEmpty().allMatch(OffLoopbackConnections::isLoopback);
        assertThat(offLoopback.seen()).isEmpty();
    }

    private static String createStreamedTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        return dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
    }

    private static void put(DynamoDbClient dynamo, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("k", AttributeValue.fromS(key))));
        }
    }

    private static <B extends AwsClientBuilder<B, ?>> B local(B builder, Backends backends, ExecutionInterceptor recorder) {
        return builder.endpointOverride(backends.dynamodb()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build());
    }

    /** One KCL worker; it checkpoints after each batch, as the projection would once the batch is in the view. */
    private record Worker(Scheduler scheduler, Thread thread, Set<String> seen) {

        /** A worker with its leases prepared as the platform's reader does, its KCL not running yet. */
        static Worker prepare(String id, String streamArn, Backends backends, ExecutionInterceptor recorder) {
            AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(
                    local(DynamoDbStreamsClient.builder(), backends, recorder).build(), REGION);
            Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            DynamoDbAsyncClient leaseClient = local(DynamoDbAsyncClient.builder(), backends, recorder).build();
            ConfigsBuilder configs = new ConfigsBuilder(
                    StreamsSchedulerFactory.createSingleStreamTracker(streamArn,
                            InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                    APPLICATION, adapter, leaseClient,
                    // metrics go to a NullMetricsFactory; the client only exists because the builder wants one
                    local(CloudWatchAsyncClient.builder(), backends, recorder).build(), id, () -> new Checkpointing(seen));
            RetrievalConfig retrieval = configs.retrievalConfig();
            retrieval.retrievalSpecificConfig(new DynamoDBStreamsPollingConfig(adapter).idleTimeBetweenReadsInMillis(500));
            LeaseManagementConfig leasing = configs.leaseManagementConfig().billingMode(BillingMode.PAY_PER_REQUEST)
                    .failoverTimeMillis(4000).leaseAssignmentIntervalMillis(1000L).shardSyncIntervalMillis(0);
            // without this the KCL looks for its compute platform (EC2 instance metadata at 169.254.169.254,
            // whatever AWS_EC2_METADATA_DISABLED says) to weigh workers by CPU; leases then balance by throughput
            leasing.workerUtilizationAwareAssignmentConfig().disableWorkerMetrics(true);
            // as the platform's reader (BalanceStreamWorker): the KCL's 2.x lease taking, and the first leases
            // written before the run (StreamLeases), else each worker waits up to 30 s on an empty lease table
            CoordinatorConfig coordinator = configs.coordinatorConfig()
                    .clientVersionConfig(CoordinatorConfig.ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X);
            Scheduler scheduler = StreamsSchedulerFactory.createScheduler(configs.checkpointConfig(),
                    coordinator, leasing,
                    configs.lifecycleConfig(),
                    configs.metricsConfig().metricsFactory(new NullMetricsFactory()).metricsLevel(MetricsLevel.NONE),
                    configs.processorConfig(), retrieval, adapter);
            assertThat(new StreamLeases(scheduler, leaseClient, id).prepare(() -> false)).isTrue();
            Thread thread = new Thread(scheduler, "kcl-" + id);
            thread.setDaemon(true);
            return new Worker(scheduler, thread, seen);
        }

        void run() {
            thread.start();
        }

        void stop() throws Exception {
            assertThat(scheduler.startGracefulShutdown().get(60, TimeUnit.SECONDS)).isTrue();
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** Records each item key it sees, then checkpoints the batch. */
    private static final class Checkpointing implements DynamoDBStreamsShardRecordProcessor {
        private final Set<String> seen;

        Checkpointing(Set<String> seen) {
            this.seen = seen;
        }

        @Override
        public void initialize(InitializationInput input) {
        }

        @Override
        public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
            for (DynamoDBStreamsClientRecord record : input.records()) {
                seen.add(record.getRecord().dynamodb().keys().get("k").s());
            }
            if (!input.records().isEmpty()) {
                checkpoint(input.checkpointer());
            }
        }

        @Override
        public void leaseLost(LeaseLostInput input) {
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
            checkpoint(input.checkpointer());
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
            checkpoint(input.checkpointer());
        }

        private static void checkpoint(RecordProcessorCheckpointer checkpointer) {
            try {
                checkpointer.checkpoint();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
