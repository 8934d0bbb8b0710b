package com.unicornstore.points.adapter;

import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import java.time.Duration;
import java.time.Instant;
import software.amazon.kinesis.retrieval.polling.PollingConfig;
import software.amazon.kinesis.retrieval.polling.SleepTimeController;
import software.amazon.kinesis.retrieval.polling.SleepTimeControllerConfig;

/**
 * How long a shard's reader waits before its next GetRecords. While reads bring records the next
 * read follows {@link #BUSY} after the last (DynamoDB Streams takes about 5 reads a second per
 * shard), so a busy account's balance follows its writes within a read or two. After reads that
 * brought nothing the pause doubles with each empty read in a row (400 ms, 800 ms, ...) up to twice
 * the idle pause ({@code points.projection.poll-delay}), where the DynamoDB Streams adapter's own
 * pacing waits after every empty read: a lull between writes costs a read or two more, an idle
 * instance the same reads a minute (one per shard every 3 s).
 *
 * <p>The adapter's pacing ({@code DynamoDBStreamsSleepTimeController}) waits the idle pause after a
 * read that brought records and twice that after an empty one: with 1.5 s that was the projection's
 * lag under load (catch-up p50 1.1 s, p95 up to 3 s in the reference load scenario).
 * {@code StreamsSchedulerFactory} sets that pacing on the polling configuration it is given;
 * {@link #pollingConfig} keeps this one. Each shard is read by a thread of its own (the KCL's
 * prefetch thread of that shard), so the count of empty reads in a row is kept per thread: one
 * number per shard this worker reads.
 */
final class StreamReadPacing implements SleepTimeController {

    /** The least time between two reads of one shard: DynamoDB Streams allows about 5 a second. */
    static final Duration BUSY = Duration.ofMillis(200);

    private final ThreadLocal<Integer> emptyReadsInARow = ThreadLocal.withInitial(() -> 0);

    @Override
    public long getSleepTimeMillis(SleepTimeControllerConfig config) {
        long idle = config.idleMillisBetweenCalls();
        Instant last = config.lastSuccessfulCall();
        Integer records = config.lastRecordsCount();
        if (last == null || records == null) {
            return idle;
        }
        long pause;
        if (records > 0) {
            emptyReadsInARow.set(0);
            pause = Math.min(BUSY.toMillis(), idle);
        } else {
            int empty = Math.min(emptyReadsInARow.get() + 1, 16);
            emptyReadsInARow.set(empty);
            pause = Math.min(2 * idle, BUSY.toMillis() << empty);
        }
        long since = Duration.between(last, Instant.now()).abs().toMillis();
        return Math.max(0, pause - since);
    }

    /**
     * The adapter's polling configuration, paced by {@link StreamReadPacing} whatever the scheduler
     * factory sets, reading at most {@code maxRecords} records a read.
     */
    static PollingConfig pollingConfig(AmazonDynamoDBStreamsAdapterClient adapter, Duration idleBetweenReads,
            int maxRecords) {
        StreamReadPacing pacing = new StreamReadPacing();
        PollingConfig config = new DynamoDBStreamsPollingConfig(adapter) {
            @Override
            public PollingConfig sleepTimeController(SleepTimeController ignored) {
                return super.sleepTimeController(pacing);
            }
        };
        return config.idleTimeBetweenReadsInMillis(idleBetweenReads.toMillis()).maxRecords(maxRecords)
                .sleepTimeController(pacing);
    }
}
