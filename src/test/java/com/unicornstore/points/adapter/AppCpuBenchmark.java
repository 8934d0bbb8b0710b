package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.bench.AppCpu;
import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Clients;
import com.unicornstore.bench.Rounds;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.retail.adapter.ProductItems;
import com.unicornstore.retail.adapter.WalletItems;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.retail.domain.Wallet;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The application's CPU milliseconds per request ({@link AppCpu}: the process's CPU time less the
 * clients' and ElasticMQ's threads) over a fixed count of requests from 8 clients, for issue,
 * redeem, balance and purchase, each against the same count sent to the framework's floor: a
 * test-only REST route of the same stack (Tomcat, Spring Security with the same API key, Camel
 * platform-http, the same JSON body reader and responder) that makes one conditional PutItem of an
 * event item. Alternating rounds ({@link Rounds}). moto's CPU (a child process) is a row of its own.
 */
@PlatformIntegrationTest
class AppCpuBenchmark {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 5;
    private static final int WARM_UP_PASSES = 6;
    private static final int WARM_UP_REQUESTS = Rounds.JIT_WARM_UP / WARM_UP_PASSES;
    private static final int WARM_UP_PURCHASES = 150;
    private static final String PRODUCT = "cpu-unicorn";

    /** The floor: the same stack and one SDK write, nothing else. */
    @TestConfiguration
    static class Floor {
        @Bean
        RouteBuilder benchFloorRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    rest("/bench-floor").post().produces("application/json").to("direct:bench.floor");
                    from("direct:bench.floor").routeId("bench.floor")
                            .bean(FloorWrite.class, "put")
                            .bean("jsonResponses", "created");
                }
            };
        }

        @Bean
        FloorWrite floorWrite(com.unicornstore.platform.web.JsonBodies bodies, DynamoDbClient dynamo,
                AwsResourceNames names) {
            return new FloorWrite(bodies, dynamo, names.tables().pointEvents());
        }
    }

    /** Reads the JSON body and makes the one conditional PutItem an issue makes (the ledger's), of an event of the same shape. */
    record FloorWrite(com.unicornstore.platform.web.JsonBodies bodies, DynamoDbClient dynamo, String table) {
        public Map<String, Object> put(Exchange exchange) {
            String account = bodies.readObject(exchange).get("account_id").asText() + "-" + UUID.randomUUID();
            Instant now = Instant.now();
            PointsIssued event = new PointsIssued(UUID.randomUUID().toString(), account, 1, now, "floor",
                    now.plus(Duration.ofDays(365)));
            if (!DynamoPointsLedger.put(dynamo, table, 1, event)) {
                throw new IllegalStateException("a new account's first sequence is taken: " + account);
            }
            return Map.of("account_id", account, "amount", 1);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ConditionalSeed seed;

    @Autowired
    AwsResourceNames names;

    @Test
    void cpu_per_request_of_issue_redeem_balance_and_purchase_against_the_framework_floor() {
        Api api = new Api(port);
        seedFor(api);
        IntConsumer floor = client -> created(api.json("POST", "/bench-floor", "{\"account_id\":\"floor-" + client + "\"}"));
        IntConsumer issue = client -> created(api.json("POST", "/points",
                "{\"account_id\":\"cpu-" + client + "\",\"amount\":1}"));
        IntConsumer redeem = client -> assertThat(api.json("DELETE", "/points",
                "{\"account_id\":\"cpu-funded-" + client + "\",\"amount\":1}").status()).isEqualTo(200);
        IntConsumer balance = client -> assertThat(api.get("/points?account_id=cpu-" + client).status()).isEqualTo(200);
        IntConsumer purchase = client -> created(api.send("POST", "/purchase",
                "{\"userId\":\"cpu-shopper-" + client + "\",\"productId\":\"" + PRODUCT + "\",\"quantity\":1}",
                Map.of("Content-Type", "application/json")));
        try (Clients clients = new Clients(CLIENTS)) {
            // the JIT's work done before any round (Rounds.JIT_WARM_UP): every kind's path, and the
            // floor's; with 2,400 a kind, methods of one kind's path were still being compiled, and
            // run profiled, during the rounds, the largest part of their spread
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                for (IntConsumer request : List.of(floor, issue, redeem, balance)) {
                    clients.send(WARM_UP_REQUESTS, request);
                }
                clients.send(WARM_UP_PURCHASES, purchase);
            }
            measure(clients, "issue", 400, floor, issue);
            measure(clients, "redeem", 400, floor, redeem);
            measure(clients, "balance", 400, floor, balance);
            measure(clients, "purchase", 120, floor, purchase);
        }
    }

    /** Rounds of {@code count} requests of a kind, alternating with {@code count} requests to the floor. */
    private static void measure(Clients clients, String kind, int count, IntConsumer floor, IntConsumer request) {
        List<Double> appMoto = new ArrayList<>();
        List<Double> floorMoto = new ArrayList<>();
        Instant started = Instant.now();
        Rounds.Outcome app = Rounds.alternate(ROUNDS, () -> cpuMillis(kind, clients, count, request, appMoto),
                () -> cpuMillis(kind + "-floor", clients, count, floor, floorMoto));
        System.out.printf("BENCH-WINDOW %s %s %s%n", kind, started, Instant.now()); // to cut a JFR recording by
        BenchResults.record("app.cpu-ms-per-request", kind, app);
        BenchResults.record("backend.moto.cpu-ms-per-request", kind,
                new Rounds.Outcome(Rounds.collected(appMoto), Rounds.collected(floorMoto)));
        assertThat(app.value().min()).isPositive();
        assertThat(app.baseline().min()).isPositive();
    }

    /** The application's CPU ms per request over {@code count} requests; moto's per request into {@code moto}. */
    private static double cpuMillis(String side, Clients clients, int count, IntConsumer request, List<Double> moto) {
        AppCpu.Spent spent = AppCpu.of(() -> clients.send(count, request));
        moto.add(spent.children() / 1e6 / count);
        String groups = spent.largestGroups(50, 1e6 * count);
        long threads = spent.byGroup().values().stream().mapToLong(Long::longValue).sum();
        // where a round's CPU went, per request: thread groups of at least 2 %, and the rest (GC, JIT, ended threads)
        System.out.printf("BENCH-THREADS %s total=%.3f%s other=%.3f allocated-kb=%.1f%n", side, spent.app() / 1e6 / count,
                groups, (spent.app() - threads) / 1e6 / count, spent.appAllocated() / 1024.0 / count);
        return spent.app() / 1e6 / count;
    }


    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** Accounts with points to redeem, shoppers with money, and a product with stock enough for every round. */
    private void seedFor(Api api) {
        seed.putIfAbsent(names.tables().products(), "id", ProductItems.toItem(
                new Product(PRODUCT, "CPU unicorn", "Enough for every round", 200, 1_000_000, "unicorn.svg")));
        for (int client = 0; client < CLIENTS; client++) {
            seed.putIfAbsent(names.tables().wallets(), "username",
                    WalletItems.toItem(new Wallet("cpu-shopper-" + client, 1_000_000_000L)));
            created(api.json("POST", "/points", "{\"account_id\":\"cpu-funded-" + client + "\",\"amount\":1000000}"));
        }
    }
}
