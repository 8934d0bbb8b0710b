package com.unicornstore.platform.aws;

import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The clients of a Kinesis Client Library worker reading a DynamoDB stream: the stream client, the
 * asynchronous DynamoDB client of its lease and coordinator tables, and the CloudWatch client its
 * builder insists on (its metrics go nowhere, so it is never called). They count their calls on a
 * counter of their own, so a request's counted calls never include the reader's background work.
 */
public final class StreamReaderClients implements AutoCloseable {

    private final AwsCallCounter counter;
    private final SdkHttpClient http;
    private final DynamoDbStreamsClient streams;
    private final DynamoDbAsyncClient dynamo;
    private final CloudWatchAsyncClient cloudWatch;

    public StreamReaderClients(AwsProperties properties, AwsEndpoints endpoints, AwsCallCounter counter) {
        this.counter = counter;
        URI endpoint = endpoints.dynamodb();
        this.http = ApacheHttpClient.builder().maxConnections(4).connectionTimeout(properties.attemptTimeout())
                .socketTimeout(properties.attemptTimeout()).build();
        this.streams = AwsClientsConfiguration.configure(DynamoDbStreamsClient.builder(), properties, endpoints, endpoint,
                http, counter).build();
        var dynamoBuilder = DynamoDbAsyncClient.builder().region(Region.of(properties.region()))
                .credentialsProvider(AwsClientsConfiguration.credentials(endpoints))
                .overrideConfiguration(AwsClientsConfiguration.bounded(properties, counter).build());
        var cloudWatchBuilder = CloudWatchAsyncClient.builder().region(Region.of(properties.region()))
                .credentialsProvider(AwsClientsConfiguration.credentials(endpoints));
        if (endpoint != null) {
            dynamoBuilder.endpointOverride(endpoint);
            cloudWatchBuilder.endpointOverride(endpoint); // never called; kept on loopback all the same
        }
        this.dynamo = dynamoBuilder.build();
        this.cloudWatch = cloudWatchBuilder.build();
    }

    /** The calls these clients made, per "Service.Operation". */
    public AwsCallCounter counter() {
        return counter;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    public DynamoDbAsyncClient dynamo() {
        return dynamo;
    }

    public CloudWatchAsyncClient cloudWatch() {
        return cloudWatch;
    }

    @Override
    public void close() {
        streams.close();
        dynamo.close();
        cloudWatch.close();
        http.close();
    }
}
