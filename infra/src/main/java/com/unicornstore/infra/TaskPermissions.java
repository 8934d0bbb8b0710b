package com.unicornstore.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Least privilege for the platform's task role: per table, exactly the DynamoDB actions the app's
 * adapters call (read from their code: the SDK calls and the aws2-ddb operations), on that table
 * and, for Query, its own index ARNs only. A table the platform declares without an entry here
 * fails the build ({@link #forTables}), so a new table cannot silently run without permissions.
 */
public final class TaskPermissions {

    /** DynamoDB actions per table name, as the adapters use them. */
    static final Map<String, List<String>> TABLE_ACTIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("unicorn-campaigns", List.of("GetItem", "PutItem", "DeleteItem", "Query", "Scan")),
            Map.entry("unicorn-sagas", List.of("GetItem", "BatchGetItem", "PutItem", "UpdateItem", "Query")),
            Map.entry("unicorn-idempotency", List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem")),
            Map.entry("unicorn-point-events", List.of("GetItem", "BatchGetItem", "PutItem", "Query", "Scan", "DescribeTable")),
            Map.entry("unicorn-point-snapshots", List.of("GetItem", "PutItem")),
            Map.entry("unicorn-point-balances", List.of("GetItem", "PutItem", "Query")),
            Map.entry("unicorn-point-correlations", List.of("GetItem", "UpdateItem", "BatchWriteItem")),
            Map.entry("unicorn-point-parked-records", List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query")),
            Map.entry("unicorn-purchases", List.of("GetItem", "PutItem", "UpdateItem", "Query")),
            Map.entry("unicorn-products", List.of("GetItem", "PutItem", "UpdateItem", "Scan", "DescribeTable")),
            Map.entry("unicorn-wallets", List.of("GetItem", "PutItem", "UpdateItem")),
            Map.entry("unicorn-dead-letters", List.of("GetItem", "PutItem", "DeleteItem", "Query")),
            Map.entry("unicorn-api-keys", List.of("GetItem")),
            // the events stream's reader (Kinesis Client Library, 2.x lease protocol): its leases and checkpoints,
            // and its coordinator state; the tables exist (infra), so no CreateTable
            Map.entry("unicorn-projection-leases", List.of("DescribeTable", "GetItem", "PutItem", "UpdateItem",
                    "DeleteItem", "Scan")),
            Map.entry("unicorn-projection-coordinator", List.of("DescribeTable", "GetItem", "PutItem", "UpdateItem",
                    "Scan")),
            Map.entry("unicorn-jobs", List.of("GetItem", "PutItem", "UpdateItem"))));

    /** Actions on every queue: the consumers receive, delete and extend; senders send. */
    static final List<String> QUEUE_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage");

    /** Reading the events table's stream for the balance projection. */
    static final List<String> STREAM_ACTIONS = List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator");

    private TaskPermissions() {}

    /** One statement per table (its actions on the table and, for Query, its indexes). */
    public static List<PolicyStatement> forTables(Map<String, Table> tables, PlatformResources resources) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (PlatformResources.Table spec : resources.tables()) {
            List<String> actions = TABLE_ACTIONS.get(spec.name());
            if (actions == null) {
                throw new IllegalStateException("table " + spec.name() + " has no entry in TaskPermissions: "
                        + "list the DynamoDB actions the platform calls on it");
            }
            Table table = tables.get(spec.name());
            List<String> resourcesOf = new ArrayList<>(List.of(table.getTableArn()));
            if (actions.contains("Query")) {
                spec.indexes().forEach(index -> resourcesOf.add(table.getTableArn() + "/index/" + index.name()));
            }
            statements.add(statement(actions.stream().map(a -> "dynamodb:" + a).toList(), resourcesOf));
            if (spec.stream()) {
                statements.add(statement(STREAM_ACTIONS, List.of(table.getTableStreamArn())));
            }
        }
        return statements;
    }

    /** One statement over every queue and dead-letter queue. */
    public static PolicyStatement forQueues(Map<String, Queue> queues, Map<String, Queue> deadLetterQueues) {
        List<String> arns = new ArrayList<>();
        new TreeMap<>(queues).values().forEach(q -> arns.add(q.getQueueArn()));
        new TreeMap<>(deadLetterQueues).values().forEach(q -> arns.add(q.getQueueArn()));
        return statement(QUEUE_ACTIONS, arns);
    }

    /**
     * The app's Micrometer metrics into its own CloudWatch namespace. PutMetricData has no resource
     * type, so AWS requires Resource "*"; the namespace condition confines it.
     */
    public static PolicyStatement metrics(String namespace) {
        return new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:PutMetricData")).resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", namespace))).build());
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW).actions(actions)
                .resources(resources).build());
    }
}
