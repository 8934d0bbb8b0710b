package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.points.domain.ParkedRecords;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Records set aside for an operator (table {@code unicorn.tables.point-parked-records}, key
 * {@code record_key}): parking the same record again just overwrites its entry.
 */
public final class DynamoParkedRecords implements ParkedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoParkedRecords.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoParkedRecords(DynamoDbClient dynamo, String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void park(String source, String key, String reason) {
        LOG.warn("Parked record {} from {}: {}", key, source, reason);
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "record_key", Attributes.s(source + "/" + key),
                "source", Attributes.s(source),
                "reason", Attributes.s(reason.length() > 10_000 ? reason.substring(0, 10_000) : reason),
                "parked_at", Attributes.time(clock.instant()))));
    }
}
