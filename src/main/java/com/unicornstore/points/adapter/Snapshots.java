package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.points.domain.PointsAccount;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Account snapshots, so loading an account reads one item plus at most about {@code every} events.
 * Written in the background (off the request's path), never over a newer one.
 */
public final class Snapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int every;
    private final int rememberedCommands;
    private final ExecutorService background;

    public Snapshots(DynamoDbClient dynamo, String table, int every, int rememberedCommands) {
        this.dynamo = dynamo;
        this.table = table;
        this.every = every;
        this.rememberedCommands = rememberedCommands;
        // one writer, a short queue: when it falls behind, snapshots are skipped, never requests slowed
        this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), runnable -> {
            Thread thread = new Thread(runnable, "points-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        background.shutdown();
    }

    /** A snapshot is written every this many events. */
    int every() {
        return every;
    }

    /** The latest snapshot, upcast when it was stored in an older shape. */
    Optional<SnapshotItems.Restored> read(String accountId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("account_id", Attributes.s(accountId)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(SnapshotItems.fromItem(item, rememberedCommands));
    }

    public Optional<PointsAccount> latest(String accountId) {
        return read(accountId).map(SnapshotItems.Restored::account);
    }

    /** An empty account that remembers as many commands as restored ones do. */
    PointsAccount empty(String accountId) {
        return PointsAccount.empty(accountId, rememberedCommands);
    }

    /** After an append from {@code previousVersion}: a snapshot whenever it crossed a multiple of {@code every}. */
    void considerAfterAppend(PointsAccount account, long previousVersion) {
        if (account.version() / every > previousVersion / every) {
            writeLater(account);
        }
    }

    void considerAfterLoad(PointsAccount account, long eventsReadAfterSnapshot) {
        if (eventsReadAfterSnapshot >= every) {
            writeLater(account);
        }
    }

    /** Writes now, over an older one or one of an older shape; the background writes go through here too. */
    public void write(PointsAccount account) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(SnapshotItems.toItem(account))
                    .conditionExpression("attribute_not_exists(#v) OR #v < :v OR attribute_not_exists(#schema)")
                    .expressionAttributeNames(Map.of("#v", "version", "#schema", "schema_version"))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(account.version()))));
        } catch (ConditionalCheckFailedException newerThere) {
            LOG.debug("A newer snapshot of {} is already stored", account.accountId());
        }
    }

    private void writeLater(PointsAccount account) {
        PointsAccount copy = account.copy();
        try {
            background.execute(() -> {
                try {
                    write(copy);
                } catch (RuntimeException e) {
                    LOG.warn("Snapshot of {} at {} not written: {}", copy.accountId(), copy.version(), e.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.debug("Snapshot of {} skipped: the writer is busy", copy.accountId());
        }
    }
}
