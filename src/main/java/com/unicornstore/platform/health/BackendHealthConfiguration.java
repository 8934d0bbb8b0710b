package com.unicornstore.platform.health;

import com.unicornstore.platform.aws.AwsResourceNames;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Health is UP only while DynamoDB and SQS answer. Each check is one cheap call bounded by the
 * clients' timeouts, made on every health request: DOWN is seen at once, and UP again as soon
 * as the backend is back, with no restart.
 */
@Configuration(proxyBeanMethods = false)
public class BackendHealthConfiguration {

    @Bean
    HealthIndicator dynamodbHealthIndicator(DynamoDbClient dynamo, AwsResourceNames names) {
        return () -> probe(() -> dynamo.describeTable(b -> b.tableName(names.tables().products())).table().tableStatusAsString(),
                "table " + names.tables().products());
    }

    @Bean
    HealthIndicator sqsHealthIndicator(SqsClient sqs, AwsResourceNames names) {
        return () -> probe(() -> sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommands())).queueUrl(),
                "queue " + names.queues().pointsCommands());
    }

    private static Health probe(java.util.function.Supplier<String> call, String resource) {
        long started = System.nanoTime();
        try {
            String answer = call.get();
            return Health.up().withDetail(resource, answer)
                    .withDetail("latencyMs", (System.nanoTime() - started) / 1_000_000).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail(resource, "no answer")
                    .withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
