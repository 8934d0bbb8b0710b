package com.unicornstore.points.adapter;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.points.application.ProjectingBalances;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * Reads the events table's stream with the Kinesis Client Library and the DynamoDB Streams adapter:
 * one reader per shard across all instances (leases in {@code unicorn.tables.projection-leases}),
 * each batch projected by {@link BalanceRecordProcessor} and checkpointed after it. Starts after the
 * Camel context and stops before it: a graceful stop checkpoints, then gives the leases back
 * ({@link StreamLeases}), within {@code points.projection.stream.stop-timeout}.
 */
public final class BalanceStreamWorker implements SmartLifecycle {

    /** After Camel's phase (started later, stopped sooner), before the web server's graceful drain ends. */
    static final int PHASE = Integer.MAX_VALUE - 1536;

    /** Counter: records of the events stream this instance read (and handed to the projection). */
    public static final String RECORDS_READ = "unicorn.projection.stream.records";

    private static final Logger LOG = LoggerFactory.getLogger(BalanceStreamWorker.class);
    private static final long DISPATCH_MILLIS = 200;

    private final BalanceStreamSettings settings;
    private final StreamReaderClients clients;
    private final DynamoDbClient dynamo;
    private final ProducerTemplate producer;
    private final ProjectingBalances projector;
    private final Counter read;
    /** The reader started last; each start has its own, so a stopped reader never resumes when a new one starts. */
    private Reader current;
    /** Between the lifecycle's start and stop: a restart (a restarted local backend) starts a reader only then. */
    private volatile boolean wanted;

    /**
     * One start of the reader: its thread, its scheduler once built, and its own stop flag. A reader
     * stopped while it still waited for the stream (a restarted backend) must stay stopped, even
     * though a new reader starts right after it with the same worker id.
     */
    private static final class Reader {
        volatile boolean stopping;
        Scheduler scheduler;
        Thread thread;
    }

    public BalanceStreamWorker(BalanceStreamSettings settings, StreamReaderClients clients, DynamoDbClient dynamo,
            ProducerTemplate producer, ProjectingBalances projector, MeterRegistry meters) {
        this.read = Counter.builder(RECORDS_READ).description("Records of the events stream read by this instance")
                .register(meters);
        this.settings = settings;
        this.clients = clients;
        this.dynamo = dynamo;
        this.producer = producer;
        this.projector = projector;
    }

    @Override
    public synchronized void start() {
        wanted = true;
        if (current == null) { // a second start must not orphan the reader already running
            startReader();
        }
    }

    private synchronized void startReader() {
        Reader reader = new Reader();
        String workerId = settings.workerId();
        reader.thread = new Thread(() -> run(reader, workerId), "balance-stream");
        reader.thread.setDaemon(true);
        current = reader;
        reader.thread.start();
    }

    /** Finds the stream (its table may still be provisioned), prepares the lease tables, then reads until stopped. */
    private void run(Reader reader, String workerId) {
        String streamArn = StreamLeases.awaitStreamArn(dynamo, settings.eventsTable(), () -> reader.stopping);
        if (streamArn == null) {
            return;
        }
        Scheduler built = build(streamArn, workerId, reader);
        if (!new StreamLeases(built, clients.dynamo(), workerId).prepare(() -> reader.stopping)) {
            return;
        }
        synchronized (this) {
            if (reader.stopping) {
                return;
            }
            reader.scheduler = built;
        }
        LOG.info("Reading stream {} as worker {} (leases in {})", streamArn, workerId, settings.leaseTable());
        built.run();
    }

    private Scheduler build(String streamArn, String workerId, Reader reader) {
        AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(clients.streams(),
                Region.of(settings.region()));
        ConfigsBuilder configs = new ConfigsBuilder(
                StreamsSchedulerFactory.createSingleStreamTracker(streamArn,
                        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                settings.application(), adapter, clients.dynamo(), clients.cloudWatch(), workerId,
                () -> new BalanceRecordProcessor(producer, projector, read, () -> reader.stopping, settings.retryDelay()))
                .tableName(settings.leaseTable());
        RetrievalConfig retrieval = configs.retrievalConfig();
        retrieval.retrievalSpecificConfig(StreamReadPacing.pollingConfig(adapter, settings.idleBetweenReads(),
                settings.maxRecords()));
        // the adapter sets the shard sync's idle time to 0 only after building the lease factory that reads it:
        // without this each shard sync (the first one in StreamLeases) then sleeps the default 60 s
        LeaseManagementConfig leasing = configs.leaseManagementConfig().billingMode(BillingMode.PAY_PER_REQUEST)
                .failoverTimeMillis(settings.failover().toMillis()).shardSyncIntervalMillis(0);
        // no look-up of the compute platform (EC2 instance metadata at 169.254.169.254, whatever
        // AWS_EC2_METADATA_DISABLED says): workers are weighed by lease count, as in the 2.x protocol below
        leasing.workerUtilizationAwareAssignmentConfig().disableWorkerMetrics(true);
        // the dispatch loop is in memory; a shorter one lets a stopping reader finish sooner (a step per turn)
        CoordinatorConfig coordinator = configs.coordinatorConfig()
                .clientVersionConfig(CoordinatorConfig.ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X)
                .shardConsumerDispatchPollIntervalMillis(DISPATCH_MILLIS);
        coordinator.coordinatorStateTableConfig().tableName(settings.coordinatorTable());
        return StreamsSchedulerFactory.createScheduler(configs.checkpointConfig(), coordinator, leasing,
                configs.lifecycleConfig(),
                configs.metricsConfig().metricsFactory(new NullMetricsFactory()).metricsLevel(MetricsLevel.NONE),
                configs.processorConfig(), retrieval, adapter);
    }

    /**
     * The KCL's graceful shutdown (each reader's last batch finished and checkpointed), then the
     * leases given back so that another instance takes them at its next look, all within the stop timeout.
     */
    @Override
    public void stop() {
        wanted = false; // before the reader is taken: a restart under way then starts none
        stopReader();
    }

    private void stopReader() {
        Reader reader;
        Scheduler running;
        Thread reading;
        synchronized (this) {
            reader = current;
            current = null;
            if (reader == null) {
                return;
            }
            reader.stopping = true;
            running = reader.scheduler;
            reading = reader.thread;
        }
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        StoppingReaderLog.FILTER.stopping(reader);
        try {
            shutDownAndJoin(running, reading, deadline);
        } finally {
            StoppingReaderLog.FILTER.stopped(reader);
        }
    }

    /** The KCL's graceful shutdown, the leases given back, then the reader's thread joined, by {@code deadline}. */
    private void shutDownAndJoin(Scheduler running, Thread reading, long deadline) {
        if (running != null) {
            try {
                running.startGracefulShutdown().get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("The stream reader did not stop within {}: stopping it now", settings.stopTimeout());
                running.shutdown();
            } catch (Exception e) {
                LOG.warn("Graceful stop of the stream reader failed: {}", e.toString());
                running.shutdown();
            }
            new StreamLeases(running, clients.dynamo(), settings.workerId()).giveBack();
        }
        if (reading != null) {
            try {
                reading.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fresh reader, e.g. once the local backend was restarted and the stream is a new one. */
    public void restart() {
        stopReader();
        synchronized (this) {
            // not once the application is stopping: a reader started now would outlive its clients
            if (wanted && settings.enabled() && current == null) {
                startReader();
            }
        }
    }

    /** False on an instance configured not to read the stream ({@code points.projection.stream.enabled}). */
    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public boolean isRunning() {
        return wanted; // also while a restart is between its readers: the lifecycle's stop must still come
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
