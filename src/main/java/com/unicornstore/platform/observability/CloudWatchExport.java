package com.unicornstore.platform.observability;

import com.unicornstore.platform.aws.AwsProperties;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * In AWS, the platform's own meters (and the HTTP server's, for the 5xx alarm) are also published
 * to CloudWatch, in the namespace the infrastructure's alarms watch. Off unless
 * {@code unicorn.observability.cloudwatch.enabled} (the {@code aws} profile turns it on).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "unicorn.observability.cloudwatch.enabled", havingValue = "true")
public class CloudWatchExport {

    @Bean(destroyMethod = "close")
    CloudWatchAsyncClient cloudWatchAsyncClient(AwsProperties aws) {
        return CloudWatchAsyncClient.builder().region(Region.of(aws.region())).build();
    }

    @Bean
    CloudWatchMeterRegistry cloudWatchMeterRegistry(CloudWatchAsyncClient client,
            @Value("${unicorn.observability.cloudwatch.namespace}") String namespace,
            @Value("${unicorn.observability.cloudwatch.step}") Duration step) {
        CloudWatchConfig config = new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return step;
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, client);
        // every CloudWatch metric costs money: only what the alarms and the runbook use
        registry.config().meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith("unicorn.")
                || id.getName().equals("http.server.requests")));
        return registry;
    }
}
