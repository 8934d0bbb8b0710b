package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class IdentityAndObservabilityTest {

    @Test
    void shoppers_log_in_through_a_public_pkce_client_and_operators_are_a_group() {
        Template identity = SynthesizedTemplates.of(SynthesizedTemplates.PROD.identity());
        identity.resourceCountIs("AWS::Cognito::UserPool", 1);
        identity.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of("GenerateSecret", false,
                "AllowedOAuthFlows", List.of("code"), "AllowedOAuthFlowsUserPoolClient", true));
        identity.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("GroupName", "operators"));
        identity.hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of("Domain", "unicorn-store-prod"));
        Template service = SynthesizedTemplates.of(SynthesizedTemplates.PROD.service());
        service.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(
                Match.objectLike(Map.of("Environment", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Name", "UNICORN_JWT_ISSUER_URI")),
                        Match.objectLike(Map.of("Name", "UNICORN_SECURITY_JWT_CLIENT_IDS")),
                        Map.of("Name", "UNICORN_SECURITY_JWT_OPERATOR_GROUP", "Value", "operators"),
                        Match.objectLike(Map.of("Name", "UNICORN_WEB_AUTHORIZATION_ENDPOINT")),
                        Match.objectLike(Map.of("Name", "UNICORN_WEB_CLIENT_ID")),
                        Map.of("Name", "UNICORN_WEB_REDIRECT_URI", "Value", "https://store.example.com/login/callback"),
                        Match.objectLike(Map.of("Name", "UNICORN_WEB_TOKEN_ENDPOINT")))))))));
    }

    @Test
    void operators_are_alarmed_on_dead_letters_5xx_failed_sagas_and_projection_lag() {
        Template observability = SynthesizedTemplates.of(SynthesizedTemplates.PROD.observability());
        int deadLetterQueues = PlatformResources.load().queues().size();
        assertThat(observability.findResources("AWS::CloudWatch::Alarm")).hasSize(deadLetterQueues + 3);
        for (String metric : List.of(ObservabilityStack.SAGAS_FAILED, ObservabilityStack.PROJECTION_LAG)) {
            observability.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", metric,
                    "Namespace", ObservabilityStack.NAMESPACE, "AlarmActions", Match.anyValue()));
        }
        observability.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Metrics", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Expression", "100 * errors / MAX([errors, requests])"))))));
        observability.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }
}
