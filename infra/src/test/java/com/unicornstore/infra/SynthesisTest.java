package com.unicornstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

class SynthesisTest {

    @Test
    void app_synth_writes_one_template_per_stack_under_target_without_the_cdk_cli() {
        UnicornInfraApp.Stacks stacks = UnicornInfraApp.build(UnicornInfraApp.testApp(Map.of(
                "stage", "staging", "account", "123456789012", "region", "eu-west-1")));

        CloudAssembly assembly = stacks.app().synth();

        assertThat(assembly.getStacks()).extracting(CloudFormationStackArtifact::getStackName).containsExactlyInAnyOrder(
                "Unicorn-staging-Data", "Unicorn-staging-Messaging", "Unicorn-staging-Identity",
                "Unicorn-staging-Service", "Unicorn-staging-Observability");
        assertThat(Path.of(assembly.getDirectory())).startsWith(Path.of("target").toAbsolutePath());
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            assertThat(Files.exists(Path.of(assembly.getDirectory(), stack.getTemplateFile()))).isTrue();
        }
    }
}
