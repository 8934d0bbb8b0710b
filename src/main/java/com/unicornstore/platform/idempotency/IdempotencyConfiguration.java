package com.unicornstore.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Idempotency keys for any context's HTTP writes (and queue consumers that deduplicate by id). */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    TableSpec idempotencyTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().idempotency(), Key.string("idempotency_key"))
                .expiringBy(IdempotencyStore.EXPIRES_AT);
    }

    @Bean
    IdempotencyStore idempotencyStore(DynamoDbClient dynamo,
            AwsResourceNames names, @Value("${unicorn.idempotency.lease}") Duration lease,
            @Value("${unicorn.idempotency.retention}") Duration retention, MeterRegistry meters) {
        return new IdempotencyStore(dynamo, names.tables().idempotency(), Clock.systemUTC(), lease, retention)
                .countingReplaysIn(meters);
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyStore store, ObjectMapper json,
            @Value("${unicorn.queues.dedup-retention}") Duration queueDedupRetention) {
        return new IdempotentRequests(store, store.withRetention(queueDedupRetention), json);
    }
}
