package com.unicornstore.platform.aws;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reaches AWS: the region, optional endpoint overrides (LocalStack, moto,
 * ElasticMQ), the client timeouts that bound every call and how long a queue receive waits.
 */
@ConfigurationProperties("unicorn.aws")
public record AwsProperties(
        @DefaultValue("us-east-1") String region,
        URI endpoint,
        URI dynamodbEndpoint,
        URI sqsEndpoint,
        @DefaultValue("4s") Duration callTimeout,
        @DefaultValue("2s") Duration attemptTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("64") int maxConnections,
        @DefaultValue("20s") Duration longPoll) {

    public AwsProperties {
        if (longPoll.isNegative() || longPoll.compareTo(Duration.ofSeconds(20)) > 0 || longPoll.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("unicorn.aws.long-poll must be whole seconds from 0 to 20 (SQS's limit), not "
                    + longPoll);
        }
    }

    /** The DynamoDB endpoint override, if any: the service-specific one wins over the shared one. */
    public URI dynamodbOverride() {
        return dynamodbEndpoint != null ? dynamodbEndpoint : endpoint;
    }

    /** The SQS endpoint override, if any: the service-specific one wins over the shared one. */
    public URI sqsOverride() {
        return sqsEndpoint != null ? sqsEndpoint : endpoint;
    }
}
