package com.unicornstore.platform.aws;

import java.net.URI;
import java.time.Duration;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, built once from properties. Camel's aws2-ddb, aws2-ddbstream and aws2-sqs
 * endpoints are autowired with these beans, so URIs never carry endpoints or credentials.
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    /** How long a stop waits for the aborted receives to end (they end within milliseconds). */
    private static final Duration RECEIVES_END_WITHIN = Duration.ofSeconds(1);

    /** Outside the local profile: the configured overrides, or none (real AWS). */
    @Bean
    @Profile("!local")
    AwsEndpoints awsEndpoints(AwsProperties properties) {
        URI dynamodb = properties.dynamodbOverride();
        URI sqs = properties.sqsOverride();
        return new AwsEndpoints() {
            @Override
            public URI dynamodb() {
                return dynamodb;
            }

            @Override
            public URI sqs() {
                return sqs;
            }
        };
    }

    @Bean
    AwsCallCounter awsCallCounter() {
        return new AwsCallCounter();
    }

    @Bean(destroyMethod = "close")
    SdkHttpClient awsHttpClient(AwsProperties properties) {
        return ApacheHttpClient.builder()
                .maxConnections(properties.maxConnections())
                .connectionTimeout(properties.attemptTimeout())
                .socketTimeout(properties.attemptTimeout())
                .build();
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(AwsProperties properties, AwsEndpoints endpoints, SdkHttpClient http,
            AwsCallCounter counter) {
        return configure(DynamoDbClient.builder(), properties, endpoints, endpoints.dynamodb(), http, counter).build();
    }

    @Bean(destroyMethod = "close")
    DynamoDbStreamsClient dynamoDbStreamsClient(AwsProperties properties, AwsEndpoints endpoints, SdkHttpClient http,
            AwsCallCounter counter) {
        return configure(DynamoDbStreamsClient.builder(), properties, endpoints, endpoints.dynamodb(), http, counter)
                .build();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsProperties properties, AwsEndpoints endpoints, SdkHttpClient http, AwsCallCounter counter) {
        return configure(SqsClient.builder(), properties, endpoints, endpoints.sqs(), http, counter).build();
    }

    /** Queue consumers' client: its timeouts add the long poll to the usual bounds (see {@link SqsLongPolling}). */
    @Bean(destroyMethod = "close")
    SqsLongPolling sqsLongPolling(AwsProperties properties, AwsEndpoints endpoints, AwsCallCounter counter) {
        Duration wait = properties.longPoll();
        AwsProperties longer = new AwsProperties(properties.region(), properties.endpoint(), properties.dynamodbEndpoint(),
                properties.sqsEndpoint(), properties.callTimeout().plus(wait), properties.attemptTimeout().plus(wait),
                properties.maxAttempts(), properties.maxConnections(), wait);
        SdkHttpClient http = awsHttpClient(longer);
        return new SqsLongPolling(configure(SqsClient.builder(), longer, endpoints, endpoints.sqs(), http, counter).build(),
                http, wait);
    }

    /** As the Camel context begins to stop, before its consumers stop: their long polls end at once. */
    @Bean
    EventNotifier abortLongPollsOnStop(SqsLongPolling longPolling) {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent stopping) {
                    longPolling.abortPolls(stopping.getContext(), RECEIVES_END_WITHIN);
                }
            }
        };
        notifier.setIgnoreExchangeEvents(true);
        return notifier;
    }

    static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, AwsProperties properties, AwsEndpoints endpoints, URI endpoint, SdkHttpClient http,
            AwsCallCounter counter) {
        builder.region(Region.of(properties.region()))
                .credentialsProvider(credentials(endpoints))
                .httpClient(http)
                .overrideConfiguration(bounded(properties, counter).addExecutionInterceptor(new WriteOutcomes()).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** Every call bounded by the configured timeouts and attempts, and counted. */
    static ClientOverrideConfiguration.Builder bounded(AwsProperties properties, AwsCallCounter counter) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(properties.callTimeout())
                .apiCallAttemptTimeout(properties.attemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(properties.maxAttempts()).build())
                .addExecutionInterceptor(counter);
    }

    /** AWS-compatible local servers accept any key; real AWS uses the default chain (roles, env, profile). */
    static AwsCredentialsProvider credentials(AwsEndpoints endpoints) {
        return endpoints.local()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
    }
}
