package com.unicornstore.points.adapter;

import java.time.Duration;

/**
 * How the events stream is read (application.yml, {@code points.projection.stream.*}): the KCL
 * application and its tables, this instance's worker id, how fast a dead reader's shards move on
 * ({@code failover}), the pause between reads of an idle shard, how long a graceful stop may take, and
 * the most records one read of a shard asks for ({@code max-records}).
 * {@code enabled} false: this instance serves requests and reads no shard (the others read them all).
 */
public record BalanceStreamSettings(
        boolean enabled,
        String region,
        String eventsTable,
        String application,
        String leaseTable,
        String coordinatorTable,
        String workerId,
        Duration failover,
        Duration idleBetweenReads,
        Duration stopTimeout,
        Duration retryDelay,
        int maxRecords) {

    /** DynamoDB Streams answers a GetRecords of 1 to 1,000 records; any other limit fails every read. */
    public BalanceStreamSettings {
        if (maxRecords < 1 || maxRecords > 1000) {
            throw new IllegalArgumentException(
                    "points.projection.stream.max-records must be 1 to 1000 (a GetRecords' limit), not " + maxRecords);
        }
    }
}
