package com.unicornstore.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryProps;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateServiceProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.FargateTaskDefinitionProps;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.RoleProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The platform on ECS Fargate behind an Application Load Balancer, `aws` profile. The load balancer
 * routes by readiness, ECS restarts by liveness (which no backend outage touches, so a DynamoDB blip
 * takes tasks out of rotation without replacing them all). Scales on CPU and on command queue depth.
 */
public class ServiceStack extends Stack {

    static final String READINESS = "/readyz";
    static final String LIVENESS = "/livez";

    private final ApplicationLoadBalancedFargateService service;
    private final LogGroup logs;

    public ServiceStack(Construct scope, String id, StackProps props, Wiring wiring) {
        super(scope, id, props);
        Deployment deployment = wiring.deployment();
        ContainerImageSettings image = wiring.image();
        Vpc vpc = new Vpc(this, "Network", VpcProps.builder().maxAzs(2).natGateways(1).build());
        vpc.addFlowLog("FlowLogs", FlowLogOptions.builder().destination(FlowLogDestination.toCloudWatchLogs()).build());
        Cluster cluster = new Cluster(this, "Cluster", ClusterProps.builder().vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED).build());
        Repository repository = new Repository(this, "Images", RepositoryProps.builder()
                .repositoryName(image.image()).imageScanOnPush(true)
                .imageTagMutability(TagMutability.IMMUTABLE).removalPolicy(deployment.removalPolicy()).build());
        logs = new LogGroup(this, "Logs", LogGroupProps.builder().logGroupName("/unicorn-store/" + deployment.stage())
                .retention(RetentionDays.ONE_MONTH).removalPolicy(deployment.removalPolicy()).build());
        Role taskRole = new Role(this, "TaskRole", RoleProps.builder()
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Unicorn Store platform: its tables, stream and queues, nothing else").build());
        TaskPermissions.forTables(wiring.data().tables(), wiring.resources()).forEach(taskRole::addToPolicy);
        taskRole.addToPolicy(TaskPermissions.forQueues(wiring.messaging().queues(),
                wiring.messaging().deadLetterQueues()));
        taskRole.addToPolicy(TaskPermissions.metrics(ObservabilityStack.NAMESPACE));

        FargateTaskDefinition task = new FargateTaskDefinition(this, "Task", FargateTaskDefinitionProps.builder()
                .cpu(1024).memoryLimitMiB(2048).taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build());
        task.addContainer("platform", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(repository, deployment.imageTag()))
                .portMappings(List.of(PortMapping.builder().containerPort(image.port()).build()))
                .environment(environment(wiring))
                .healthCheck(liveness(image))
                .stopTimeout(Duration.seconds(60))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("platform").build()))
                .build());
        service = new ApplicationLoadBalancedFargateService(this, "Platform",
                ApplicationLoadBalancedFargateServiceProps.builder()
                        .cluster(cluster).taskDefinition(task)
                        .desiredCount(deployment.minTasks())
                        .publicLoadBalancer(true)
                        .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                        .healthCheckGracePeriod(Duration.seconds(120))
                        .minHealthyPercent(100).maxHealthyPercent(200)
                        .build());
        service.getTargetGroup().configureHealthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder().path(READINESS).healthyHttpCodes("200")
                .interval(Duration.seconds(15)).timeout(Duration.seconds(5))
                .healthyThresholdCount(2).unhealthyThresholdCount(4).build());
        service.getTargetGroup().setAttribute("deregistration_delay.timeout_seconds", "30");
        accessLogs(deployment);
        autoscaling(deployment, wiring.messaging().queues().get(wiring.commandQueue()));
    }

    /** Liveness by the JVM itself: the image has no curl, and a backend outage must not fail it. */
    static HealthCheck liveness(ContainerImageSettings image) {
        return HealthCheck.builder()
                .command(List.of("CMD", "java", "-cp", "/app/classes", "com.unicornstore.platform.health.LivenessProbe",
                        "http://localhost:" + image.port() + LIVENESS))
                .interval(Duration.seconds(30)).timeout(Duration.seconds(10)).retries(3)
                .startPeriod(Duration.seconds(120)).build();
    }

    private static Map<String, String> environment(Wiring wiring) {
        Map<String, String> env = new TreeMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "aws");
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", wiring.image().jvmFlags()));
        env.put("UNICORN_JWT_ISSUER_URI", wiring.identity().issuerUri());
        env.put("UNICORN_SECURITY_JWT_CLIENT_IDS", wiring.identity().webStoreClient().getUserPoolClientId());
        env.put("UNICORN_SECURITY_JWT_OPERATOR_GROUP", IdentityStack.OPERATORS_GROUP);
        // the web store logs in at the hosted sign-in as the public client (authorization code with PKCE)
        env.put("UNICORN_WEB_CLIENT_ID", wiring.identity().webStoreClient().getUserPoolClientId());
        env.put("UNICORN_WEB_REDIRECT_URI", wiring.deployment().shopperCallbackUrl());
        env.put("UNICORN_WEB_AUTHORIZATION_ENDPOINT", wiring.identity().authorizationEndpoint());
        env.put("UNICORN_WEB_TOKEN_ENDPOINT", wiring.identity().tokenEndpoint());
        env.put("SERVER_PORT", Integer.toString(wiring.image().port()));
        return env;
    }

    private void accessLogs(Deployment deployment) {
        Bucket bucket = new Bucket(this, "AccessLogs", BucketProps.builder()
                .encryption(BucketEncryption.S3_MANAGED).enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .serverAccessLogsPrefix("bucket-access/")
                .removalPolicy(deployment.removalPolicy()).autoDeleteObjects(!deployment.production()).build());
        service.getLoadBalancer().logAccessLogs(bucket, "alb");
    }

    private void autoscaling(Deployment deployment, Queue commands) {
        var scaling = service.getService().autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(deployment.minTasks()).maxCapacity(deployment.maxTasks()).build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(60)
                .scaleInCooldown(Duration.minutes(5)).scaleOutCooldown(Duration.minutes(1)).build());
        scaling.scaleOnMetric("CommandBacklog", software.amazon.awscdk.services.applicationautoscaling
                .BasicStepScalingPolicyProps.builder()
                .metric(commands.metricApproximateNumberOfMessagesVisible())
                .scalingSteps(List.of(
                        ScalingInterval.builder().upper(100).change(-1).build(),
                        ScalingInterval.builder().lower(1000).change(+1).build(),
                        ScalingInterval.builder().lower(10000).change(+3).build()))
                .build());
    }

    public ApplicationLoadBalancedFargateService service() {
        return service;
    }

    public LogGroup logs() {
        return logs;
    }

    /** What the service stack is built from: the other stacks and the image. */
    public record Wiring(Deployment deployment, PlatformResources resources, ContainerImageSettings image,
            DataStack data, MessagingStack messaging, IdentityStack identity, String commandQueue) {}
}
