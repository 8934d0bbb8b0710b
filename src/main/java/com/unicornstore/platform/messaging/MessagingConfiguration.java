package com.unicornstore.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.provisioning.QueueSpec;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.platform.web.ProblemMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of what every queue consumer shares: dead letters (table, parking, redrive), replies, failure handling. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    TableSpec deadLettersTable(@Value("${unicorn.tables.dead-letters}") String table) {
        return TableSpec.of(table, Key.string("queue")).sortedBy(Key.string("id"))
                .expiringBy(DeadLetterRecords.EXPIRES_AT);
    }

    @Bean
    DeadLetterRecords deadLetterRecords(DynamoDbClient dynamo, @Value("${unicorn.tables.dead-letters}") String table,
            @Value("${unicorn.queues.dlq-retention}") Duration dlqRetention) {
        return new DeadLetterRecords(dynamo, table, dlqRetention);
    }

    @Bean
    DeadLetterQueues deadLetterQueues(SqsClient sqs, DeadLetterRecords records, Clock clock, List<QueueSpec> queues) {
        return new DeadLetterQueues(sqs, records, clock, queues);
    }

    @Bean
    QueueReplies queueReplies(SqsClient sqs, @Value("${unicorn.queues.replies}") String defaultQueue) {
        return new QueueReplies(sqs, defaultQueue);
    }

    @Bean
    QueueFailures queueFailures(DeadLetterQueues deadLetters, QueueReplies replies, ProblemMapper problems,
            ObjectMapper json, @Value("${unicorn.queues.max-receives}") int maxReceives) {
        return new QueueFailures(deadLetters, replies, problems, json, maxReceives);
    }

    @Bean
    DeadLetterRequests deadLetterRequests(DeadLetterRecords records, DeadLetterQueues queues, JsonBodies bodies) {
        return new DeadLetterRequests(records, queues, bodies);
    }

    @Bean
    DeadLetterRoutes deadLetterRoutes() {
        return new DeadLetterRoutes();
    }

    /** The queue outcomes go to when a message names none; consumed by whoever integrates with it. */
    @Bean
    QueueSpec repliesQueue(@Value("${unicorn.queues.replies}") String name,
            @Value("${unicorn.queues.replies-dlq}") String deadLetters,
            @Value("${unicorn.queues.max-receives}") int maxReceives,
            @Value("${unicorn.queues.retention}") Duration retention,
            @Value("${unicorn.queues.dlq-retention}") Duration dlqRetention) {
        return new QueueSpec(name, deadLetters, maxReceives, Duration.ofSeconds(30), retention, dlqRetention);
    }
}
