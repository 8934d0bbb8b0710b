package com.unicornstore.platform.security;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.TableSpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The API-key table (created by the infrastructure code in AWS, locally by the provisioner) and, when enabled, its lookups. */
@Configuration(proxyBeanMethods = false)
public class ApiKeyTableConfiguration {

    @Bean
    TableSpec apiKeysTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().apiKeys(), TableSpec.Key.string(DynamoDbApiKeys.KEY_HASH));
    }

    @Bean
    @ConditionalOnProperty(name = "unicorn.security.key-table.enabled", havingValue = "true")
    ApiKeyDirectory apiKeyTable(DynamoDbClient dynamo, AwsResourceNames names, KeyTableProperties properties) {
        return new DynamoDbApiKeys(dynamo, names.tables().apiKeys(), properties);
    }
}
