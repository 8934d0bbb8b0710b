package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ServiceStackTest {

    static final Template SERVICE = SynthesizedTemplates.of(SynthesizedTemplates.PROD.service());
    static final ContainerImageSettings IMAGE = ContainerImageSettings.fromPlatformPom();

    @Test
    void the_image_is_the_one_the_platform_pom_has_jib_build_with_its_port_main_class_and_jvm_flags() {
        assertThat(IMAGE.image()).isEqualTo("unicorn-store");
        assertThat(IMAGE.mainClass()).isEqualTo("com.unicornstore.UnicornStoreApplication");
        assertThat(IMAGE.port()).isEqualTo(8080);
        assertThat(IMAGE.jvmFlags()).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(Path.of(System.getProperty("unicorn.platform-pom"))).exists();
    }

    @Test
    void the_platform_runs_on_fargate_behind_a_load_balancer_in_the_aws_profile() {
        SERVICE.resourceCountIs("AWS::ECS::Service", 1);
        SERVICE.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", "FARGATE",
                "DesiredCount", 2, "HealthCheckGracePeriodSeconds", 120,
                "DeploymentConfiguration", Match.objectLike(Map.of("MinimumHealthyPercent", 100,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
        SERVICE.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(
                Match.objectLike(Map.of(
                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", IMAGE.port()))),
                        "Environment", Match.arrayWith(List.of(
                                Map.of("Name", "JAVA_TOOL_OPTIONS", "Value", String.join(" ", IMAGE.jvmFlags())),
                                Map.of("Name", "SPRING_PROFILES_ACTIVE", "Value", "aws"))),
                        "HealthCheck", Match.objectLike(Map.of("Command", List.of("CMD", "java", "-cp", "/app/classes",
                                "com.unicornstore.platform.health.LivenessProbe",
                                "http://localhost:8080/livez"))))))));
        SERVICE.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of("Scheme", "internet-facing"));
    }

    @Test
    void the_load_balancer_routes_by_readiness_and_tolerates_a_short_blip() {
        SERVICE.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", "/readyz", "HealthCheckIntervalSeconds", 15,
                "UnhealthyThresholdCount", 4, "Matcher", Map.of("HttpCode", "200")));
    }

    @Test
    void the_service_scales_on_cpu_and_on_the_command_queue_depth() {
        SERVICE.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget",
                Map.of("MinCapacity", 2, "MaxCapacity", 10));
        SERVICE.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration", Match.objectLike(
                        Map.of("TargetValue", 60, "PredefinedMetricSpecification",
                                Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
        Template service = SERVICE;
        assertThat(service.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Namespace", "AWS/SQS"))))).isNotEmpty();
    }

    @Test
    void logs_are_kept_a_month_and_the_load_balancer_writes_access_logs() {
        SERVICE.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/unicorn-store/prod",
                "RetentionInDays", 30));
        SERVICE.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes",
                Match.arrayWith(List.of(Map.of("Key", "access_logs.s3.enabled", "Value", "true")))));
    }
}
