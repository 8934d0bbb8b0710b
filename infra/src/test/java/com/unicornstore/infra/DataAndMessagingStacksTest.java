package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataAndMessagingStacksTest {

    static final PlatformResources RESOURCES = PlatformResources.load();

    @Test
    void every_table_the_platform_declares_is_created_with_its_keys_indexes_and_ttl() {
        Template data = SynthesizedTemplates.of(SynthesizedTemplates.PROD.data());
        assertThat(RESOURCES.tables()).isNotEmpty();
        data.resourceCountIs("AWS::DynamoDB::Table", RESOURCES.tables().size());
        for (PlatformResources.Table table : RESOURCES.tables()) {
            List<Object> keys = new ArrayList<>(List.of(Map.of("AttributeName", table.partitionKey().name(),
                    "KeyType", "HASH")));
            if (table.sortKey() != null) {
                keys.add(Map.of("AttributeName", table.sortKey().name(), "KeyType", "RANGE"));
            }
            Map<String, Object> expected = new java.util.HashMap<>(Map.of("TableName", table.name(),
                    "KeySchema", keys, "BillingMode", "PAY_PER_REQUEST",
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "DeletionProtectionEnabled", true));
            if (table.ttlAttribute() != null) {
                expected.put("TimeToLiveSpecification", Map.of("AttributeName", table.ttlAttribute(), "Enabled", true));
            }
            if (!table.indexes().isEmpty()) {
                expected.put("GlobalSecondaryIndexes", table.indexes().stream().map(index -> Match.objectLike(Map.of(
                        "IndexName", index.name(), "KeySchema", indexKeys(index),
                        "Projection", Map.of("ProjectionType", "ALL")))).toList());
            }
            data.hasResourceProperties("AWS::DynamoDB::Table", expected);
        }
    }

    private static List<Object> indexKeys(PlatformResources.Index index) {
        List<Object> keys = new ArrayList<>(List.of(Map.of("AttributeName", index.partitionKey().name(),
                "KeyType", "HASH")));
        if (index.sortKey() != null) {
            keys.add(Map.of("AttributeName", index.sortKey().name(), "KeyType", "RANGE"));
        }
        return keys;
    }

    @Test
    void the_events_table_has_a_stream_with_new_and_old_images_and_no_other_table_streams() {
        Template data = SynthesizedTemplates.of(SynthesizedTemplates.PROD.data());
        List<String> streamed = RESOURCES.tables().stream().filter(PlatformResources.Table::stream)
                .map(PlatformResources.Table::name).toList();
        assertThat(streamed).containsExactly("unicorn-point-events");
        data.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "unicorn-point-events",
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES")));
        assertThat(data.findResources("AWS::DynamoDB::Table", Map.of("Properties",
                Map.of("StreamSpecification", Match.anyValue())))).hasSize(1);
    }

    @Test
    void every_queue_has_its_dead_letter_queue_redrive_count_retention_and_encryption() {
        Template messaging = SynthesizedTemplates.of(SynthesizedTemplates.PROD.messaging());
        assertThat(RESOURCES.queues()).isNotEmpty();
        messaging.resourceCountIs("AWS::SQS::Queue", 2 * RESOURCES.queues().size());
        for (PlatformResources.Queue queue : RESOURCES.queues()) {
            messaging.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", queue.name(),
                    "VisibilityTimeout", queue.visibilityTimeoutSeconds(),
                    "MessageRetentionPeriod", queue.retentionSeconds(),
                    "SqsManagedSseEnabled", true,
                    "RedrivePolicy", Map.of("maxReceiveCount", queue.maxReceiveCount(),
                            "deadLetterTargetArn", Match.anyValue())));
            messaging.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", queue.deadLetterQueue(),
                    "MessageRetentionPeriod", queue.deadLetterRetentionSeconds(), "SqsManagedSseEnabled", true));
        }
        messaging.resourceCountIs("AWS::SQS::QueuePolicy", 2 * RESOURCES.queues().size());
    }

    @Test
    void a_table_the_platform_declares_without_task_permissions_fails_the_synthesis() {
        PlatformResources withNewTable = new PlatformResources(new ArrayList<>(RESOURCES.tables()) {{
            add(new PlatformResources.Table("gift-cards", new PlatformResources.Key("card_id", "S"), null, false,
                    null, List.of()));
        }}, RESOURCES.queues());
        var app = UnicornInfraApp.testApp(Map.of("account", "123456789012", "region", "eu-west-1"));
        DataStack data = new DataStack(app, "Probe", null, withNewTable, Deployment.from(app.getNode()));
        assertThatThrownBy(() -> TaskPermissions.forTables(data.tables(), withNewTable))
                .hasMessageContaining("gift-cards");
        assertThat(TaskPermissions.TABLE_ACTIONS.keySet())
                .as("permissions name only tables the platform declares")
                .containsExactlyInAnyOrderElementsOf(RESOURCES.tables().stream().map(PlatformResources.Table::name).toList());
    }
}
