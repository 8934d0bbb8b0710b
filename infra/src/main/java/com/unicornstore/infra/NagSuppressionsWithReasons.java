package com.unicornstore.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** The cdk-nag findings this platform accepts, each with the reason it is right here. */
final class NagSuppressionsWithReasons {

    private NagSuppressionsWithReasons() {}

    static void apply(ServiceStack service, IdentityStack identity) {
        suppress(service.service().getTaskDefinition(), "AwsSolutions-ECS2",
                "The environment holds only non-secret settings (profile, JWT issuer URI, operator group name, "
                        + "port, JVM flags). The platform holds no secret: AWS access comes from the task role, and "
                        + "API keys are stored as hashes in DynamoDB.");
        suppress(service.service().getTaskDefinition().obtainExecutionRole(), "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken supports no resource-level permission, so AWS requires Resource '*'. "
                        + "Every other action of the execution role names the image repository or the log group.");
        NagSuppressions.addResourceSuppressions(service.service().getTaskDefinition().getTaskRole(), List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                        .reason("cloudwatch:PutMetricData has no resource type, so AWS requires Resource '*'; a "
                                + "cloudwatch:namespace condition confines it to the platform's namespace.").build()), true);
        suppress(service.service().getLoadBalancer(), "AwsSolutions-EC23",
                "The public load balancer is the store's front door and must accept the internet on its "
                        + "listener; the tasks' security group admits only the load balancer.");
        suppress(identity.userPool(), "AwsSolutions-COG2",
                "Shoppers may turn on TOTP MFA (optional), and advanced security is ENFORCED (adaptive "
                        + "authentication). Forcing MFA on every retail shopper is a product decision left to the "
                        + "business; operators must enrol (see the README's deploy section).");
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }
}
