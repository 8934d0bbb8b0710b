package com.unicornstore.points.adapter;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Tests only: every record of a table's stream, read from its start as a new reader would. */
final class EventStreamRecords {

    private EventStreamRecords() {
    }

    static List<Record> all(DynamoDbStreamsClient streams, String table) {
        String arn = streams.listStreams(b -> b.tableName(table)).streams().get(0).streamArn();
        List<Record> found = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                found.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return found;
    }

    /** The records whose new image belongs to {@code account}. */
    static List<Record> of(DynamoDbStreamsClient streams, String table, String account) {
        return all(streams, table).stream().filter(r -> r.dynamodb().newImage() != null)
                .filter(r -> account.equals(r.dynamodb().newImage().get("account_id").s())).toList();
    }
}
