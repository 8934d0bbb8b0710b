package com.unicornstore.support;

/**
 * Test settings of the periodic index sweeps (saga recovery, pending purchases, expiry). The shipped
 * setting queries one of 8 index shards a sweep, so an abandoned saga may wait 8 sweeps for its
 * shard; tests about what recovery does, not about its cadence (IndexShardsTest, the saga ITs and the
 * idle benchmark cover that), sweep every shard every time so their waits stay short and certain.
 */
public final class Sweeps {

    /** A @TestPropertySource entry: every sweep queries all 8 shards. */
    public static final String EVERY_SHARD = "unicorn.sweeps.shards-per-sweep=8";

    private Sweeps() {}
}
