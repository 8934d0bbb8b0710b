package com.unicornstore.saga.adapter;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import com.unicornstore.saga.domain.SagaLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the saga context: the durable saga service Camel's Saga EIP uses, and its log. */
@Configuration(proxyBeanMethods = false)
public class SagaConfiguration {

    @Bean
    TableSpec sagasTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().sagas(), Key.string("saga_id"))
                .withIndex(new TableSpec.Index(DynamoDbSagaLog.OPEN_INDEX, Key.string("open_shard"), Key.number("lease_until")))
                .withIndex(new TableSpec.Index(SagaCensus.FAILED_INDEX, Key.string(SagaCensus.FAILED_SHARD),
                        Key.string("updated_at")))
                .expiringBy("expires_at");
    }

    @Bean
    SagaLog sagaLog(DynamoDbClient dynamo, AwsResourceNames names, SagaProperties properties,
            @Value("${unicorn.sweeps.shards-per-sweep}") int shardsPerSweep) {
        return new DynamoDbSagaLog(dynamo, names.tables().sagas(), properties.retention(), shardsPerSweep);
    }

    @Bean
    DurableSagaService durableSagaService(SagaLog log, SagaProperties properties, MeterRegistry meters) {
        return new DurableSagaService(log, properties.lease(), properties.retryPolicy(), Clock.systemUTC(), meters);
    }

    @Bean
    SagaCensus sagaCensus(DynamoDbClient dynamo, AwsResourceNames names) {
        return new SagaCensus(dynamo, names.tables().sagas());
    }

    @Bean
    SagaViews sagaViews(SagaLog log, DurableSagaService service, SagaCensus census) {
        return new SagaViews(log, service, census);
    }

    @Bean
    SagaRoutes sagaRoutes(SagaProperties properties) {
        return new SagaRoutes(properties.recoveryInterval());
    }
}
