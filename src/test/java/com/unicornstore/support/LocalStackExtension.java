package com.unicornstore.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs a test class against LocalStack (DynamoDB, DynamoDB Streams, SQS) in a container started
 * once per JVM; where no Docker engine answers, the class is reported skipped.
 */
public final class LocalStackExtension implements ExecutionCondition, BeforeAllCallback {

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    /** The shared container, stopped when the test JVM's root context closes. */
    record Container(LocalStackContainer localStack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            localStack.stop();
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return DockerClientFactory.instance().isDockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled("No Docker engine: LocalStack tests skipped");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Container container = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Container.class, key -> {
                    LocalStackContainer localStack = new LocalStackContainer(IMAGE)
                            .withServices(Service.DYNAMODB, Service.SQS);
                    localStack.start();
                    return new Container(localStack);
                }, Container.class);
        String endpoint = container.localStack().getEndpoint().toString();
        System.setProperty("unicorn.aws.dynamodb-endpoint", endpoint);
        System.setProperty("unicorn.aws.sqs-endpoint", endpoint);
    }
}
