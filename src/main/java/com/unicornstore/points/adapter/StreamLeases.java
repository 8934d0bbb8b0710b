package com.unicornstore.points.adapter;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.kinesis.common.StreamConfig;
import software.amazon.kinesis.coordinator.CoordinatorState;
import software.amazon.kinesis.coordinator.CoordinatorStateDAO;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.migration.ClientVersion;
import software.amazon.kinesis.coordinator.migration.MigrationState;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.LeaseRefresher;

/**
 * What the stream reader does around the KCL's own run, with the KCL's own classes: before it, the
 * lease protocol pinned to the KCL's 2.x lease taking and the first leases written; after a graceful
 * stop, this worker's leases given back.
 *
 * <p>Why 2.x lease taking: in the 3.x protocol only a leader assigns leases, and the leader is a
 * DynamoDB lock (dynamodb-lock-client 1.3.0, two-minute lease, not configurable) that the others
 * never take over once its holder is killed (awslabs/amazon-kinesis-client#1803): the dead leader's
 * shards would stay unread. With 2.x taking every worker takes leases unrenewed for the failover
 * time itself. The KCL's coordinator state {@code CLIENT_VERSION_2X} (its documented rollback
 * state) keeps it there; {@code COMPATIBLE_WITH_2X} alone would move to 3.x after ten minutes.
 *
 * <p>Why the first leases are written here: on an empty lease table every KCL worker waits a random
 * 1 to 30 s (hard-coded) before its first shard sync; the KCL's own sync run once here makes the
 * table non-empty, so the worker starts reading at once. Creating a lease is conditional, so any
 * number of instances may do it together.
 *
 * <p>Why leases nobody owns are taken here, before the run: KCL 3.1.1's
 * {@code DynamoDBLeaseCoordinator.start} schedules its lease taker at delay 0 and only then marks
 * itself running, and a lease taken before that mark is owned in the table but never handed to
 * the renewer: no one reads its shard until the next taking pass, twice the failover later (CI saw
 * the projection start 20 s late, twice). A lease this worker owns when the KCL starts is picked up
 * by the renewer's own start, which has no such race. The take is the KCL's conditional one (on the
 * lease counter): of instances starting together one gets each lease, and one whose reply was lost
 * finds the lease its own in the table, which is all the renewer looks at.
 */
final class StreamLeases {

    /** The hash key of the KCL's lease table. */
    static final String LEASE_KEY = "leaseKey";
    /** The hash key of the KCL's coordinator-state table. */
    static final String COORDINATOR_KEY = CoordinatorState.COORDINATOR_STATE_TABLE_HASH_KEY_ATTRIBUTE_NAME;

    private static final Logger LOG = LoggerFactory.getLogger(StreamLeases.class);
    private static final long RETRY_MILLIS = 500;

    private final Scheduler scheduler;
    private final DynamoDbAsyncClient dynamo;
    private final String workerId;

    StreamLeases(Scheduler scheduler, DynamoDbAsyncClient dynamo, String workerId) {
        this.scheduler = scheduler;
        this.dynamo = dynamo;
        this.workerId = workerId;
    }

    /** The stream of {@code table}, once the table exists with one; null if stopped first. */
    static String awaitStreamArn(DynamoDbClient dynamo, String table, BooleanSupplier stopping) {
        while (!stopping.getAsBoolean()) {
            try {
                String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
                if (arn != null) {
                    return arn;
                }
            } catch (RuntimeException notYet) {
                LOG.debug("Events table {} not there yet: {}", table, notYet.toString());
            }
            if (!pause()) {
                return null;
            }
        }
        return null;
    }

    /** Lease table, protocol and first leases ready; false if stopped first. Retried while the backend fails. */
    boolean prepare(BooleanSupplier stopping) {
        while (!stopping.getAsBoolean()) {
            try {
                LeaseRefresher leases = scheduler.leaseRefresher();
                leases.createLeaseTableIfNotExists();
                leases.waitUntilLeaseTableExists(1, 60);
                pinLeaseProtocol();
                if (leases.isLeaseTableEmpty()) {
                    for (StreamConfig stream : scheduler.currentStreamConfigMap().values()) {
                        scheduler.shardSyncTaskManagerProvider().apply(stream).callShardSyncTask();
                    }
                }
                takeUnowned(leases);
                return true;
            } catch (Exception failure) {
                LOG.warn("Could not prepare the stream's lease tables, trying again: {}", failure.toString());
                if (!pause()) {
                    return false;
                }
            }
        }
        return false;
    }

    private void pinLeaseProtocol() throws Exception {
        CoordinatorStateDAO states = new CoordinatorStateDAO(dynamo, scheduler.coordinatorConfig().coordinatorStateTableConfig());
        states.initialize();
        MigrationState pinned = new MigrationState(MigrationState.MIGRATION_HASH_KEY, workerId)
                .update(ClientVersion.CLIENT_VERSION_2X, workerId);
        if (!states.createCoordinatorStateIfNotExists(pinned)) {
            var stored = states.getCoordinatorState(MigrationState.MIGRATION_HASH_KEY);
            if (stored instanceof MigrationState state && state.getClientVersion() != ClientVersion.CLIENT_VERSION_2X) {
                LOG.warn("The KCL's coordinator state says {}, not CLIENT_VERSION_2X: a killed leader may stall the stream",
                        state.getClientVersion());
            }
        }
    }

    /** Leases with no owner (new ones, or given back by a graceful stop) become this worker's. */
    private void takeUnowned(LeaseRefresher leases) throws Exception {
        for (Lease lease : leases.listLeases()) {
            if (lease.leaseOwner() == null && leases.takeLease(lease, workerId)) {
                LOG.info("Took the unowned lease of {} before the KCL started", lease.leaseKey());
            }
        }
    }

    /** After a graceful stop: this worker's leases have no owner any more, so others take them at once. */
    void giveBack() {
        try {
            for (Lease lease : scheduler.leaseRefresher().listLeases()) {
                if (workerId.equals(lease.leaseOwner()) && scheduler.leaseRefresher().evictLease(lease)) {
                    LOG.info("Gave back the lease of {}", lease.leaseKey());
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not give the stream's leases back (they expire after the failover time): {}", e.toString());
        }
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
