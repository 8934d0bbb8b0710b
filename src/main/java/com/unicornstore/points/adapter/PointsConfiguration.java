package com.unicornstore.points.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.aws.SqsLongPolling;
import com.unicornstore.platform.idempotency.IdempotencyStore;
import com.unicornstore.platform.provisioning.QueueSpec;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.points.application.AccountCommands;
import com.unicornstore.points.application.ExpiringPoints;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.application.ProjectingBalances;
import com.unicornstore.points.application.ReadingBalance;
import com.unicornstore.points.application.ReadingHistory;
import com.unicornstore.points.application.RebuildingProjection;
import com.unicornstore.points.application.RedeemingPoints;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.BucketPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.AwsEndpoints;
import com.unicornstore.platform.aws.AwsProperties;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.platform.local.LocalBackends;
import com.unicornstore.platform.provisioning.LocalProvisioner;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the points context: its tables and queue, the ledger, the read side, the routes. */
@Configuration(proxyBeanMethods = false)
public class PointsConfiguration {

    /** The meter of the events-stream reader's AWS calls (tags service, operation). */
    public static final String STREAM_READER_CALLS = "unicorn.aws.stream-reader.calls";

    @Bean
    QueueSpec pointsCommandsQueue(AwsResourceNames names, @Value("${unicorn.queues.max-receives}") int maxReceives,
            @Value("${points.commands.visibility-timeout}") int visibilitySeconds,
            @Value("${unicorn.queues.retention}") Duration retention,
            @Value("${unicorn.queues.dlq-retention}") Duration dlqRetention) {
        return new QueueSpec(names.queues().pointsCommands(), names.queues().pointsCommandsDlq(), maxReceives,
                Duration.ofSeconds(visibilitySeconds), retention, dlqRetention);
    }

    @Bean
    TableSpec pointEventsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().pointEvents(), Key.string("account_id")).sortedBy(Key.number("seq"))
                .withStream();
    }

    @Bean
    TableSpec pointSnapshotsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().pointSnapshots(), Key.string("account_id"));
    }

    @Bean
    TableSpec pointBalancesTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().pointBalances(), Key.string("account_id"))
                .withIndex(new TableSpec.Index(DynamoBalanceViews.DUE_INDEX, Key.string("expiry_shard"),
                        Key.number("next_expiry")));
    }

    @Bean
    TableSpec pointCorrelationsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().pointCorrelations(), Key.string("account_id"))
                .sortedBy(Key.string("correlation_id")).expiringBy(DynamoPurchaseRecords.EXPIRES_AT);
    }

    @Bean
    TableSpec pointParkedRecordsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().pointParkedRecords(), Key.string("record_key"))
                .withIndex(new TableSpec.Index(DynamoParkedRecords.INDEX, Key.string(DynamoParkedRecords.LISTED),
                        Key.number(DynamoParkedRecords.PARKED_MS)));
    }

    /** Refuses to start when the granularity does not fit the ttl (see {@link BucketPolicy}). */
    @Bean
    BucketPolicy pointsBuckets(@Value("${points.expiry.ttl}") Duration ttl,
            @Value("${points.buckets.granularity}") Duration granularity) {
        return new BucketPolicy(ttl, granularity);
    }

    @Bean(destroyMethod = "close")
    Snapshots pointsSnapshots(DynamoDbClient dynamo, AwsResourceNames names,
            @Value("${points.snapshot.every}") int every,
            @Value("${points.ledger.recent-commands}") int rememberedCommands) {
        return new Snapshots(dynamo, names.tables().pointSnapshots(), every, rememberedCommands);
    }

    @Bean
    DynamoPurchaseRecords purchaseRecords(DynamoDbClient dynamo, AwsResourceNames names,
            @Value("${points.revocations.retention}") Duration retention) {
        return new DynamoPurchaseRecords(dynamo, names.tables().pointCorrelations(), retention);
    }

    @Bean
    AccountCache accountCache(@Value("${points.ledger.cache-size}") int cacheSize) {
        return new AccountCache(cacheSize);
    }

    @Bean
    DynamoPointsLedger pointsLedger(DynamoDbClient dynamo, AwsResourceNames names, Snapshots snapshots,
            AccountCache cache, DynamoPurchaseRecords purchases, Clock clock) {
        return new DynamoPointsLedger(dynamo, names.tables().pointEvents(), cache, snapshots, purchases, clock);
    }

    @Bean
    AccountCommands accountCommands(DynamoPointsLedger ledger, BucketPolicy buckets, Clock clock,
            @Value("${points.ledger.max-attempts}") int maxAttempts, MeterRegistry meters) {
        return new AccountCommands(new MeteredPointsLedger(ledger, meters), clock, buckets, maxAttempts);
    }

    @Bean
    IssuingPoints issuingPoints(AccountCommands commands, DynamoPurchaseRecords purchases) {
        return new IssuingPoints(commands, purchases);
    }

    @Bean
    RedeemingPoints redeemingPoints(AccountCommands commands) {
        return new RedeemingPoints(commands);
    }

    @Bean
    RevokingPoints revokingPoints(AccountCommands commands, DynamoPurchaseRecords purchases) {
        return new RevokingPoints(commands, purchases);
    }

    @Bean
    DynamoBalanceViews balanceViews(DynamoDbClient dynamo, AwsResourceNames names,
            @Value("${unicorn.sweeps.shards-per-sweep}") int shardsPerSweep) {
        return new DynamoBalanceViews(dynamo, names.tables().pointBalances(), shardsPerSweep);
    }

    @Bean
    DynamoParkedRecords parkedRecords(DynamoDbClient dynamo, AwsResourceNames names, Clock clock) {
        return new DynamoParkedRecords(dynamo, names.tables().pointParkedRecords(), clock);
    }

    @Bean
    ExpiringPoints expiringPoints(DynamoBalanceViews views, AccountCommands commands, Clock clock) {
        return new ExpiringPoints(views, commands, clock);
    }

    @Bean
    ReadingBalance readingBalance(DynamoBalanceViews views, Clock clock) {
        return new ReadingBalance(views, clock);
    }

    @Bean
    ReadingHistory readingHistory(DynamoPointsLedger ledger) {
        return new ReadingHistory(ledger);
    }

    @Bean
    ProjectingBalances projectingBalances(DynamoBalanceViews views, DynamoPointsLedger ledger,
            DynamoParkedRecords parked, @Value("${points.projection.cache-size}") int cacheSize,
            @Value("${points.projection.keep-expired}") Duration keepExpired) {
        return new ProjectingBalances(views, ledger, parked, cacheSize, keepExpired);
    }

    @Bean
    RebuildingProjection rebuildingProjection(DynamoPointsLedger ledger, DynamoBalanceViews views,
            ProjectingBalances projector, Clock clock, @Value("${points.projection.keep-expired}") Duration keepExpired) {
        return new RebuildingProjection(ledger, views, projector, clock, keepExpired);
    }

    @Bean
    BalanceStreamListener balanceStreamListener(ProjectingBalances projector, DynamoParkedRecords parked,
            MeterRegistry meters, Clock clock) {
        return new BalanceStreamListener(projector, parked, new ProjectionLag(meters, clock));
    }

    @Bean
    PointsRequests pointsRequests(JsonBodies bodies) {
        return new PointsRequests(bodies);
    }

    @Bean
    PointsHistoryRequests pointsHistoryRequests(PointsRequests requests, ReadingHistory history) {
        return new PointsHistoryRequests(requests, history);
    }

    @Bean
    PointsResponses pointsResponses() {
        return new PointsResponses();
    }

    @Bean
    TableSpec jobsTable(@Value("${unicorn.tables.jobs}") String table) {
        return TableSpec.of(table, Key.string("job_id")).expiringBy("expires_at");
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(DynamoDbClient dynamo, @Value("${unicorn.tables.jobs}") String table,
            ObjectMapper json, RebuildingProjection rebuilding, Clock clock,
            @Value("${points.rebuild.keep}") Duration keep, @Value("${points.rebuild.lease}") Duration lease,
            @Value("${points.rebuild.flush-every}") Duration flushEvery,
            @Value("${points.rebuild.flush-accounts}") int flushAccounts,
            @Value("${points.rebuild.max-failures}") int maxFailures) {
        return new ProjectionRebuilds(new DynamoRebuildJobs(dynamo, table, json, keep), rebuilding, clock,
                new ProjectionRebuilds.Settings(lease, flushEvery, flushAccounts, maxFailures));
    }

    @Bean
    ProjectionOperations projectionOperations(ProjectionRebuilds rebuilds) {
        return new ProjectionOperations(rebuilds);
    }

    @Bean
    ParkedRecordOperations parkedRecordOperations(DynamoParkedRecords parked, ProjectionRebuilds rebuilds, Clock clock) {
        return new ParkedRecordOperations(parked, rebuilds, clock);
    }

    @Bean
    PointsRestRoutes pointsRestRoutes() {
        return new PointsRestRoutes();
    }

    @Bean
    PointsRoutes pointsRoutes() {
        return new PointsRoutes();
    }

    @Bean
    BalanceProjectionRoutes balanceProjectionRoutes() {
        return new BalanceProjectionRoutes();
    }

    @Bean
    TableSpec projectionLeasesTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().projectionLeases(), Key.string(StreamLeases.LEASE_KEY));
    }

    @Bean
    TableSpec projectionCoordinatorTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().projectionCoordinator(), Key.string(StreamLeases.COORDINATOR_KEY));
    }

    /** The stream reader's clients count on their own meter: request call counts never include its polling. */
    @Bean(destroyMethod = "close")
    StreamReaderClients balanceStreamClients(AwsProperties aws, AwsEndpoints endpoints, MeterRegistry meters) {
        AwsCallCounter counter = new AwsCallCounter(STREAM_READER_CALLS);
        counter.bindTo(meters);
        return new StreamReaderClients(aws, endpoints, counter);
    }

    @Bean
    BalanceStreamSettings balanceStreamSettings(AwsProperties aws, AwsResourceNames names,
            @Value("${points.projection.stream.application}") String application,
            @Value("${points.projection.stream.failover}") Duration failover,
            @Value("${points.projection.poll-delay}") long idleMillis,
            @Value("${points.projection.stream.stop-timeout}") Duration stopTimeout,
            @Value("${points.projection.stream.retry-delay}") Duration retryDelay,
            @Value("${points.projection.stream.enabled}") boolean enabled,
            @Value("${points.projection.stream.max-records}") int maxRecords) {
        String workerId = "worker-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new BalanceStreamSettings(enabled, aws.region(), names.tables().pointEvents(), application,
                names.tables().projectionLeases(), names.tables().projectionCoordinator(), workerId, failover,
                Duration.ofMillis(idleMillis), stopTimeout, retryDelay, maxRecords);
    }

    @Bean
    BalanceStreamWorker balanceStreamWorker(BalanceStreamSettings settings, StreamReaderClients clients,
            DynamoDbClient dynamo, ProducerTemplate producer, ProjectingBalances projector, MeterRegistry meters) {
        return new BalanceStreamWorker(settings, clients, dynamo, producer, projector, meters);
    }

    /** Locally, a restarted moto holds a new events stream (and no leases): the reader starts over on it. */
    @Bean
    @Profile("local")
    InitializingBean balanceStreamFollowsMotoRestarts(LocalBackends backends, LocalProvisioner provisioner,
            BalanceStreamWorker worker) {
        return () -> backends.onMotoRestart(worker::restart); // after the provisioner re-created the tables
    }

    @Bean
    PointsCommandMessages pointsCommandMessages(ObjectMapper json, IdempotencyStore dedup, IssuingPoints issuing,
            RedeemingPoints redeeming, RevokingPoints revoking,
            @Value("${unicorn.queues.dedup-retention}") Duration queueDedupRetention,
            @Value("${points.commands.visibility-timeout}") int visibilitySeconds) {
        // a delivery waits for another one of its command here at most a third of its visibility timeout,
        // so that it is settled long before the queue would hand it out again
        return new PointsCommandMessages(json, dedup.withRetention(queueDedupRetention), issuing, redeeming, revoking,
                Duration.ofSeconds(visibilitySeconds).dividedBy(3));
    }

    @Bean
    PointsCommandRoutes pointsCommandRoutes(SqsLongPolling longPolling,
            @Value("${points.commands.concurrency}") int concurrency) {
        return new PointsCommandRoutes(longPolling, concurrency);
    }

    @Bean
    PointsRevocations pointsRevocations(RevokingPoints revoking, ObjectMapper json) {
        return new PointsRevocations(revoking, json);
    }

    @Bean
    PointsCommandSender pointsCommandSender() {
        return new PointsCommandSender();
    }

    @Bean
    ExpiryRoutes expiryRoutes(@Value("${points.expiry.check-period}") Duration checkPeriod) {
        return new ExpiryRoutes(checkPeriod);
    }
}
