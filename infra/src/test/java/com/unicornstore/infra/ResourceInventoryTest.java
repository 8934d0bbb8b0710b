package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Every resource of every stack is accounted for: each stack holds exactly the resource types (and
 * counts) these tests expect, so a resource nobody checks fails here first; and every IAM statement
 * is one of the three roles' known grants.
 */
class ResourceInventoryTest {

    private static final PlatformResources MANIFEST = PlatformResources.load();

    @Test
    void every_stack_holds_exactly_the_resource_types_the_tests_check() {
        int tables = MANIFEST.tables().size();
        int queues = 2 * MANIFEST.queues().size(); // each with its dead-letter queue
        Map<String, Map<String, Integer>> expected = Map.of(
                "Data", Map.of("AWS::DynamoDB::Table", tables),
                "Messaging", Map.of("AWS::SQS::Queue", queues, "AWS::SQS::QueuePolicy", queues),
                "Identity", Map.of("AWS::Cognito::UserPool", 1, "AWS::Cognito::UserPoolClient", 1,
                        "AWS::Cognito::UserPoolGroup", 1),
                "Observability", Map.of("AWS::CloudWatch::Alarm", 6, "AWS::CloudWatch::Dashboard", 1,
                        "AWS::SNS::Topic", 1, "AWS::SNS::TopicPolicy", 1),
                "Service", new TreeMap<>(Map.ofEntries(
                        // the service and what scales it (ServiceStackTest)
                        Map.entry("AWS::ECS::Cluster", 1), Map.entry("AWS::ECS::Service", 1),
                        Map.entry("AWS::ECS::TaskDefinition", 1), Map.entry("AWS::ECR::Repository", 1),
                        Map.entry("AWS::ApplicationAutoScaling::ScalableTarget", 1),
                        Map.entry("AWS::ApplicationAutoScaling::ScalingPolicy", 3),
                        Map.entry("AWS::CloudWatch::Alarm", 2),
                        Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", 1),
                        Map.entry("AWS::ElasticLoadBalancingV2::Listener", 1),
                        Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", 1),
                        // who may do what (SecurityChecksTest, below)
                        Map.entry("AWS::IAM::Role", 3), Map.entry("AWS::IAM::Policy", 3),
                        // logs and access logs
                        Map.entry("AWS::Logs::LogGroup", 2), Map.entry("AWS::S3::Bucket", 1),
                        Map.entry("AWS::S3::BucketPolicy", 1), Map.entry("AWS::EC2::FlowLog", 1),
                        // the network: two AZs, a public and a private subnet each, one NAT (below)
                        Map.entry("AWS::EC2::VPC", 1), Map.entry("AWS::EC2::Subnet", 4),
                        Map.entry("AWS::EC2::RouteTable", 4), Map.entry("AWS::EC2::SubnetRouteTableAssociation", 4),
                        Map.entry("AWS::EC2::Route", 4), Map.entry("AWS::EC2::InternetGateway", 1),
                        Map.entry("AWS::EC2::VPCGatewayAttachment", 1), Map.entry("AWS::EC2::NatGateway", 1),
                        Map.entry("AWS::EC2::EIP", 1), Map.entry("AWS::EC2::SecurityGroup", 2),
                        Map.entry("AWS::EC2::SecurityGroupIngress", 1), Map.entry("AWS::EC2::SecurityGroupEgress", 1))));
        for (Stack stack : SynthesizedTemplates.all()) {
            String part = stack.getStackName().substring(stack.getStackName().lastIndexOf('-') + 1);
            assertThat(types(SynthesizedTemplates.of(stack))).as("resource types of %s", stack.getStackName())
                    .isEqualTo(new TreeMap<>(expected.get(part)));
        }
    }

    @Test
    void every_iam_statement_is_a_known_grant_of_one_of_three_roles() {
        Map<String, Set<String>> allowed = Map.of(
                "TaskRoleDefaultPolicy", Set.copyOf(grantedToTheTask()),
                "TaskExecutionRoleDefaultPolicy", Set.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "logs:CreateLogStream", "logs:PutLogEvents"),
                "NetworkFlowLogsIAMRoleDefaultPolicy", Set.of("logs:CreateLogStream", "logs:DescribeLogStreams",
                        "logs:PutLogEvents"));
        for (Map<String, Object> statement : SynthesizedTemplates.iamStatements()) {
            String owner = statement.get("_owner").toString();
            String policy = allowed.keySet().stream().filter(owner::contains).findFirst().orElse(null);
            assertThat(policy).as("a statement of an unknown policy: %s", owner).isNotNull();
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(SynthesizedTemplates.asList(statement.get("Action")).stream().map(Object::toString).toList())
                    .as("actions of %s", owner).isSubsetOf(allowed.get(policy));
        }
        Template service = SynthesizedTemplates.of(SynthesizedTemplates.PROD.service());
        assertThat(trusted(service)).containsExactlyInAnyOrder("ecs-tasks.amazonaws.com", "ecs-tasks.amazonaws.com",
                "vpc-flow-logs.amazonaws.com");
    }

    @Test
    void only_the_load_balancer_reaches_the_tasks_and_the_access_log_bucket_is_private_encrypted_and_tls_only() {
        Template service = SynthesizedTemplates.of(SynthesizedTemplates.PROD.service());
        service.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("FromPort", 8080, "ToPort", 8080,
                "IpProtocol", "tcp", "SourceSecurityGroupId", Match.anyValue()));
        service.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", Match.anyValue())),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        service.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        service.hasResourceProperties("AWS::EC2::FlowLog", Map.of("ResourceType", "VPC", "TrafficType", "ALL"));
        service.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "ImageScanningConfiguration", Map.of("ScanOnPush", true), "ImageTagMutability", "IMMUTABLE"));
        SynthesizedTemplates.of(SynthesizedTemplates.PROD.observability()).hasResourceProperties("AWS::SNS::TopicPolicy",
                Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    private static Map<String, Integer> types(Template template) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        return resources.values().stream().map(r -> ((Map<?, ?>) r).get("Type").toString())
                .collect(Collectors.toMap(type -> type, type -> 1, Integer::sum, TreeMap::new));
    }

    /** The task role's actions: the DynamoDB actions per table, the streams and queue actions, metrics. */
    private static List<String> grantedToTheTask() {
        List<String> actions = new java.util.ArrayList<>();
        TaskPermissions.TABLE_ACTIONS.values().forEach(list -> list.forEach(a -> actions.add("dynamodb:" + a)));
        actions.addAll(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                "cloudwatch:PutMetricData"));
        actions.addAll(TaskPermissions.QUEUE_ACTIONS);
        return actions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> trusted(Template template) {
        List<String> services = new java.util.ArrayList<>();
        template.findResources("AWS::IAM::Role").values().forEach(role -> {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) role.get("Properties"))
                    .get("AssumeRolePolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                Map<String, Object> principal = (Map<String, Object>) ((Map<String, Object>) statement).get("Principal");
                services.add(principal.get("Service").toString());
            }
        });
        return services;
    }
}
