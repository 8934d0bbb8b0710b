package com.unicornstore.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.LocalBackendsExtension;
import com.unicornstore.support.LocalBackendsExtension.Backends;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The local DynamoDB applies each request to an item whole, as DynamoDB does. moto 5.2.1's own
 * threaded server does not: overlapping updates of one item lose one another's changes, or fail
 * half applied with a 500 that the SDK then retries ("dictionary changed size during iteration").
 * The platform's stock, wallet and saga writes are single conditional updates that rely on
 * DynamoDB's atomicity, so the local backend that the tests, the benchmarks and the load runs use
 * must keep it; {@code local/moto_launcher.py} does.
 */
@ExtendWith(LocalBackendsExtension.class)
class MotoAppliesEachRequestWholeIT {

    private static final String TABLE = "one-hot-item";
    private static final int CLIENTS = 16;
    private static final int UPDATES_EACH = 40;

    @Test
    void concurrent_updates_of_one_item_each_count_once_and_whole(Backends backends) throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(backends.dynamodb())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CLIENTS))
                .build()) {
            dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH)));
            // an item of some size, like a stock item holding its purchases' holds: each copy of it
            // takes moto long enough for overlapping requests to interleave
            Map<String, AttributeValue> holds = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                holds.put("old-" + i, AttributeValue.fromN("1"));
            }
            dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("k", AttributeValue.fromS("hot"),
                    "n", AttributeValue.fromN("0"), "holds", AttributeValue.fromM(holds))));

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String client = "c" + c;
                done.add(clients.submit(() -> {
                    start.await();
                    for (int i = 0; i < UPDATES_EACH; i++) {
                        String hold = client + "-" + i;
                        dynamo.updateItem(b -> b.tableName(TABLE).key(Map.of("k", AttributeValue.fromS("hot")))
                                .updateExpression("ADD n :one SET holds.#h = :one")
                                .expressionAttributeNames(Map.of("#h", hold))
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> client : done) {
                client.get();
            }
            clients.shutdown();

            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("k", AttributeValue.fromS("hot")))).item();
            int updates = CLIENTS * UPDATES_EACH;
            assertThat(item.get("holds").m()).as("every update's own hold, none lost").hasSize(200 + updates);
            assertThat(Integer.parseInt(item.get("n").n())).as("every update counted once").isEqualTo(updates);
        }
    }
}
