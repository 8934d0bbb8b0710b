package com.unicornstore.load;

import static com.unicornstore.load.Endpoints.balance;
import static com.unicornstore.load.Endpoints.catalogue;
import static com.unicornstore.load.Endpoints.createProduct;
import static com.unicornstore.load.Endpoints.fundWallet;
import static com.unicornstore.load.Endpoints.history;
import static com.unicornstore.load.Endpoints.issue;
import static com.unicornstore.load.Endpoints.product;
import static com.unicornstore.load.Endpoints.wallet;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A read-heavy mix (issue 15): the catalogue and one product, points balances, wallets and points
 * histories of seeded members (each with a wallet and five issues of points), in fixed proportions.
 * Every answer is checked; nothing is written while the mix runs.
 */
public class ReadMixSimulation extends Simulation {

    private static final int PRODUCTS = 4;
    private static final int ISSUES = 5;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadPlatform platform = LoadPlatform.start(settings, "reads");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Map<String, Object>> members = IntStream.range(0, settings.actors())
            .mapToObj(i -> Map.<String, Object>of("account", "reads-" + run + "-m" + i, "shopper", "reads-" + run + "-m" + i))
            .toList();
    private final List<Map<String, Object>> products = IntStream.range(0, PRODUCTS)
            .mapToObj(i -> Map.<String, Object>of("product", "reads-" + run + "-p" + i, "price", 100L * (i + 1))).toList();

    private final ScenarioBuilder seed = scenario("seed catalogue and members")
            .exec(Entries.each(products, exec(createProduct(1000))))
            .exec(Entries.each(members, exec(fundWallet(10_000)).repeat(ISSUES).on(exec(issue(100)))));

    private final ScenarioBuilder reads = scenario("read mix")
            .feed(listFeeder(members).circular())
            .exec(session -> session.setAll(products.get(ThreadLocalRandom.current().nextInt(products.size()))))
            .exec(randomSwitch().on(
                    percent(25.0).then(exec(catalogue())),
                    percent(20.0).then(exec(product())),
                    percent(25.0).then(exec(balance("points balance"))),
                    percent(10.0).then(exec(wallet("wallet"))),
                    percent(20.0).then(exec(history()))));

    {
        System.out.println("read mix: " + settings.describe() + ", " + members.size() + " members, against "
                + platform.baseUrl());
        setUp(seed.injectOpen(atOnceUsers(1)).andThen(Injection.of(reads, settings)))
                .protocols(Endpoints.protocol(platform.baseUrl(), settings.apiKey()))
                .assertions(Injection.noFailedChecks());
    }

    @Override
    public void after() {
        platform.close();
    }
}
