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
 * shard), so a busy account's balance follows its writes within a read or two; after a read that
 * brought nothing it waits twice the idle pause ({@code points.projection.poll-delay}), as the
 * DynamoDB Streams adapter's own pacing does, so an idle instance costs the same reads a minute.
 *
 * <p>The adapter's pacing ({@code DynamoDBStreamsSleepTimeController}) waits the idle pause after
 * every read, busy or not: with 1.5 s that was the projection's lag under load (p50 1.1 s, up to 3 s
 * in the reference load scenario). {@code StreamsSchedulerFactory} sets that pacing on the polling
 * configuration it is given; {@link #pollingConfig} keeps this one.
 */
final class StreamReadPacing implements SleepTimeController {

    /** The least time between two reads of one shard: DynamoDB Streams allows about 5 a second. */
    static final Duration BUSY = Duration.ofMillis(200);

    @Override
    public long getSleepTimeMillis(SleepTimeControllerConfig config) {
        long idle = config.idleMillisBetweenCalls();
        Instant last = config.lastSuccessfulCall();
        Integer records = config.lastRecordsCount();
        if (last == null || records == null) {
            return idle;
        }
        long pause = records > 0 ? Math.min(BUSY.toMillis(), idle) : 2 * idle;
        long since = Duration.between(last, Instant.now()).abs().toMillis();
        return Math.max(0, pause - since);
    }

    /** The adapter's polling configuration, paced by {@link StreamReadPacing} whatever the scheduler factory sets. */
    static PollingConfig pollingConfig(AmazonDynamoDBStreamsAdapterClient adapter, Duration idleBetweenReads) {
        StreamReadPacing pacing = new StreamReadPacing();
        PollingConfig config = new DynamoDBStreamsPollingConfig(adapter) {
            @Override
            public PollingConfig sleepTimeController(SleepTimeController ignored) {
                return super.sleepTimeController(pacing);
            }
        };
        return config.idleTimeBetweenReadsInMillis(idleBetweenReads.toMillis()).sleepTimeController(pacing);
    }
}
