package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

class SecurityChecksTest {

    @Test
    void no_iam_statement_grants_a_wildcard_action() {
        List<Map<String, Object>> statements = SynthesizedTemplates.iamStatements();
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            for (Object action : SynthesizedTemplates.asList(statement.get("Action"))) {
                assertThat(action.toString()).as("action in %s", statement.get("_owner"))
                        .doesNotContain("*");
            }
        }
    }

    @Test
    void the_only_statement_on_every_resource_is_the_one_aws_requires_for_pulling_the_image() {
        List<Object> wildcardActions = new ArrayList<>();
        for (Map<String, Object> statement : SynthesizedTemplates.iamStatements()) {
            if (SynthesizedTemplates.asList(statement.get("Resource")).contains("*")) {
                wildcardActions.addAll(SynthesizedTemplates.asList(statement.get("Action")));
            }
        }
        // neither has resource-level permissions, so AWS requires Resource "*"; PutMetricData is confined
        // to the platform's namespace by a condition (next test)
        assertThat(wildcardActions).containsExactlyInAnyOrder("ecr:GetAuthorizationToken", "cloudwatch:PutMetricData");
    }

    @Test
    void metrics_may_be_put_only_into_the_platforms_namespace() {
        assertThat(SynthesizedTemplates.iamStatements()).filteredOn(s -> "cloudwatch:PutMetricData".equals(s.get("Action")))
                .singleElement().extracting(s -> s.get("Condition"))
                .isEqualTo(Map.of("StringEquals", Map.of("cloudwatch:namespace", ObservabilityStack.NAMESPACE)));
    }

    @Test
    void the_task_role_names_exactly_the_platforms_tables_indexes_stream_and_queues() {
        List<String> taskRoleResources = new ArrayList<>();
        for (Map<String, Object> statement : SynthesizedTemplates.iamStatements()) {
            // PutMetricData has no resource type (its namespace condition is tested above)
            if (statement.get("_owner").toString().contains("TaskRoleDefaultPolicy")
                    && !"cloudwatch:PutMetricData".equals(statement.get("Action"))) {
                for (Object resource : SynthesizedTemplates.asList(statement.get("Resource"))) {
                    taskRoleResources.add(resource.toString());
                    assertThat(resource.toString()).as("task role resource").isNotEqualTo("*");
                }
            }
        }
        String granted = String.join("\n", taskRoleResources);
        PlatformResources resources = PlatformResources.load();
        for (PlatformResources.Table table : resources.tables()) {
            assertThat(granted).as("table %s", table.name()).contains(DataStack.logicalName(table.name()));
            if (TaskPermissions.TABLE_ACTIONS.get(table.name()).contains("Query")) {
                table.indexes().forEach(index -> assertThat(granted).contains("/index/" + index.name()));
            }
        }
        assertThat(granted).contains("StreamArn").doesNotContain("index/*");
        for (PlatformResources.Queue queue : resources.queues()) {
            assertThat(granted).contains(DataStack.logicalName(queue.name()), DataStack.logicalName(queue.deadLetterQueue()));
        }
    }

    @Test
    void cdk_nag_aws_solutions_finds_nothing_unsuppressed_in_any_stack() {
        for (Stack stack : SynthesizedTemplates.all()) {
            SynthesizedTemplates.of(stack);
            Annotations annotations = Annotations.fromStack(stack);
            assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                    .as("cdk-nag errors in %s", stack.getStackName()).isEmpty();
            assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                    .as("cdk-nag warnings in %s", stack.getStackName()).isEmpty();
        }
    }
}
