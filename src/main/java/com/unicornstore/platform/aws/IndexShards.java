package com.unicornstore.platform.aws;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Spreads the items of a sparse index over a few partition keys, so that no index partition gets
 * hot; readers query every shard. Used where "all items in some state" must be found without a scan.
 */
public final class IndexShards {

    private IndexShards() {}

    /** The shard (as the index's partition key value) an item with this id belongs to. */
    public static String of(String id, int shards) {
        return Integer.toString(Math.floorMod(id.hashCode(), shards));
    }

    /** A random part of a sweep's period: the first sweep's delay, so instances started together sweep apart. */
    public static Duration firstSweepWithin(Duration period) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(period.toMillis() + 1));
    }

    /**
     * The shards a periodic sweep queries next: {@code perSweep} of them per sweep, in turn, starting
     * from a random one, so a sweep costs {@code perSweep} Queries, each shard is visited once every
     * {@code shards / perSweep} sweeps (rounded up), and instances sweeping one index start apart.
     */
    public static final class Rotation {

        private final int shards;
        private final int perSweep;
        private final AtomicInteger next;

        public Rotation(int shards, int perSweep) {
            if (perSweep < 1) {
                throw new IllegalArgumentException("a sweep queries at least one shard, not " + perSweep);
            }
            this.shards = shards;
            this.perSweep = Math.min(perSweep, shards);
            this.next = new AtomicInteger(ThreadLocalRandom.current().nextInt(shards));
        }

        /** The shards to query now (as the index's partition key values). */
        public List<String> next() {
            int first = next.getAndAdd(perSweep);
            return IntStream.range(first, first + perSweep).mapToObj(shard -> Integer.toString(Math.floorMod(shard, shards)))
                    .toList();
        }
    }
}
