package com.unicornstore.platform.local;

import com.unicornstore.platform.aws.AwsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** In the local profile the app brings its own AWS-compatible backends. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalBackendsConfiguration {

    @Bean(destroyMethod = "close")
    LocalBackends localBackends(LocalBackendProperties local, AwsProperties aws) {
        return new LocalBackends(local, aws.dynamodbOverride(), aws.sqsOverride(), aws.region());
    }
}
