package com.unicornstore.platform.aws;

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
}
