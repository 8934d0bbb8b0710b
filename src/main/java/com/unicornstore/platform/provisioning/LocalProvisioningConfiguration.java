package com.unicornstore.platform.provisioning;

import com.unicornstore.platform.local.LocalBackends;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Local profile: tables, queues and demo data exist before any route starts. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalProvisioningConfiguration {

    @Bean
    ConditionalSeed conditionalSeed(DynamoDbClient dynamo) {
        return new ConditionalSeed(dynamo);
    }

    @Bean
    LocalProvisioner localProvisioner(DynamoDbClient dynamo, SqsClient sqs, List<TableSpec> tables,
            List<QueueSpec> queues, List<DemoData> demoData, LocalBackends backends) {
        LocalProvisioner provisioner = new LocalProvisioner(dynamo, sqs, tables, queues, demoData);
        provisioner.provision();
        backends.onMotoRestart(provisioner::provision);
        return provisioner;
    }
}
