package com.unicornstore.platform.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, idempotently, every table and queue the contexts declare, then loads their demo data.
 * Runs in the local profile only: in AWS the infrastructure code owns the resources.
 */
public final class LocalProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProvisioner.class);

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final List<TableSpec> tables;
    private final List<QueueSpec> queues;
    private final List<DemoData> demoData;

    public LocalProvisioner(DynamoDbClient dynamo, SqsClient sqs, List<TableSpec> tables, List<QueueSpec> queues,
            List<DemoData> demoData) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.tables = List.copyOf(tables);
        this.queues = List.copyOf(queues);
        this.demoData = List.copyOf(demoData);
    }

    public void provision() {
        long started = System.nanoTime();
        tables.forEach(this::createTable);
        queues.forEach(this::createQueue);
        demoData.forEach(DemoData::load);
        LOG.info("Provisioned {} tables, {} queues and demo data in {} ms", tables.size(), queues.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void createTable(TableSpec spec) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = keySchema(spec.partitionKey(), spec.sortKey(), attributes);
        List<GlobalSecondaryIndex> indexes = spec.indexes().stream()
                .map(index -> GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(keySchema(index.partitionKey(), index.sortKey(), attributes))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(spec.name())
                .attributeDefinitions(attributes.values())
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (spec.stream()) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE));
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            LOG.debug("Table {} already exists", spec.name());
            return;
        }
        if (spec.ttlAttribute() != null) {
            dynamo.updateTimeToLive(b -> b.tableName(spec.name())
                    .timeToLiveSpecification(t -> t.attributeName(spec.ttlAttribute()).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(TableSpec.Key partition, TableSpec.Key sort,
            Map<String, AttributeDefinition> attributes) {
        List<TableSpec.Key> parts = sort == null ? List.of(partition) : List.of(partition, sort);
        List<KeySchemaElement> keys = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            TableSpec.Key key = parts.get(i);
            attributes.putIfAbsent(key.name(),
                    AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type()).build());
            keys.add(KeySchemaElement.builder().attributeName(key.name())
                    .keyType(i == 0 ? KeyType.HASH : KeyType.RANGE).build());
        }
        return keys;
    }

    /**
     * Creates both queues, then sets their attributes, so that a queue left by an earlier run with
     * other settings takes the current ones (a create with different attributes would be refused).
     */
    private void createQueue(QueueSpec spec) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(spec.deadLetterQueue())).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(dlqUrl).attributes(Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(spec.deadLetterRetention()))));
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + spec.maxReceiveCount() + "\"}";
        String url = sqs.createQueue(b -> b.queueName(spec.name())).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, seconds(spec.visibilityTimeout()),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(spec.retention()))));
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }
}
