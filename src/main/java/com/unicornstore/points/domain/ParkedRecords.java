package com.unicornstore.points.domain;

/** Where records that cannot be processed are set aside, so the flow they came in keeps moving. */
public interface ParkedRecords {

    /** Sets a record aside; {@code accountId} names the account it belongs to, null when it cannot be told. */
    void park(String source, String key, String accountId, String reason);
}
