package com.unicornstore.points.domain;

/** Where records that cannot be processed are set aside, so the flow they came in keeps moving. */
public interface ParkedRecords {

    void park(String source, String key, String reason);
}
