package com.unicornstore.points.adapter;

import java.util.ArrayList;
import com.unicornstore.platform.aws.AwsResourceNames;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Tests only: the events stream read from its start as a new reader would, and the reader's lease of it. */
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

    /** The sequence number of the stream's last record. */
    static String lastSequenceNumber(DynamoDbStreamsClient streams, String table) {
        List<Record> records = all(streams, table);
        return records.get(records.size() - 1).dynamodb().sequenceNumber();
    }

    /** The KCL's lease item of the stream's (only) shard. */
    static Map<String, AttributeValue> lease(DynamoDbClient dynamo, DynamoDbStreamsClient streams, AwsResourceNames names) {
        String arn = streams.listStreams(b -> b.tableName(names.tables().pointEvents())).streams().get(0).streamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        return dynamo.getItem(b -> b.tableName(names.tables().projectionLeases())
                .key(Map.of("leaseKey", AttributeValue.fromS(shard)))).item();
    }

    /** The lease's checkpoint: a sequence number, or "" before the first. */
    static String checkpoint(DynamoDbClient dynamo, DynamoDbStreamsClient streams, AwsResourceNames names) {
        AttributeValue checkpoint = lease(dynamo, streams, names).get("checkpoint");
        return checkpoint == null ? "" : checkpoint.s();
    }
}
