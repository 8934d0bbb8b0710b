package com.unicornstore.load;

import static com.unicornstore.load.Endpoints.balance;
import static com.unicornstore.load.Endpoints.createProduct;
import static com.unicornstore.load.Endpoints.fundWallet;
import static com.unicornstore.load.Endpoints.product;
import static com.unicornstore.load.Endpoints.purchase;
import static com.unicornstore.load.Endpoints.wallet;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Funded shoppers buying unicorns (issue 15): an operator seeds products with a large stock and one
 * funded wallet per shopper; shoppers buy one unicorn at a time and read their wallet; then one
 * user reconciles every wallet, stock and points account against the platform's own lists (nothing
 * lost, nothing oversold, one issue of points per COMPLETED purchase). A difference is a failed check.
 */
public class ShoppersSimulation extends Simulation {

    private static final long FUNDING = 100_000_000;
    private static final long STOCK = 1_000_000;
    private static final long[] PRICES = {150, 250, 900, 1700};
    private static final Duration POLL = Duration.ofMillis(200);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadPlatform platform = LoadPlatform.start(settings, "shoppers");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Map<String, Object>> shoppers = IntStream.range(0, settings.actors())
            .mapToObj(i -> Map.<String, Object>of("shopper", "load-" + run + "-s" + i)).toList();
    private final List<Map<String, Object>> products = IntStream.range(0, PRICES.length)
            .mapToObj(i -> Map.<String, Object>of("product", "load-" + run + "-p" + i, "price", PRICES[i])).toList();
    private final ShopperLedger ledger = new ShopperLedger(FUNDING, STOCK);
    private final CatchUpTimes pointsWait = new CatchUpTimes(
            "wait for a shopper's points at reconciliation (shoppers in turn: the first waits for the queue's backlog)");

    private final ScenarioBuilder seed = scenario("seed products and wallets")
            .exec(Entries.each(products, exec(createProduct(STOCK))))
            .exec(Entries.each(shoppers, exec(fundWallet(FUNDING))));

    private final ScenarioBuilder shop = scenario("shoppers")
            .feed(listFeeder(shoppers).circular())
            .exec(session -> session.setAll(products.get(ThreadLocalRandom.current().nextInt(products.size()))))
            .exec(purchase())
            .exitHereIfFailed()
            .exec(ledger::answered)
            .exec(wallet("wallet after purchase"));

    private final ScenarioBuilder reconcile = scenario("reconcile")
            .exec(Entries.each(shoppers, reconcileShopper()))
            .exec(Entries.each(products, exec(product().check(jmesPath("stock").ofLong().is(ledger::expectedStock)))));

    {
        System.out.println("shoppers: " + settings.describe() + ", " + shoppers.size() + " shoppers, against "
                + platform.baseUrl());
        setUp(seed.injectOpen(atOnceUsers(1))
                .andThen(Injection.of(shop, settings)
                        .andThen(reconcile.injectOpen(atOnceUsers(1)))))
                .protocols(Endpoints.protocol(platform.baseUrl(), settings.apiKey()))
                .assertions(Injection.noFailedChecks());
    }

    /** The platform's list of the shopper's purchases decides the wallet, the points and their history. */
    private ChainBuilder reconcileShopper() {
        return exec(Pages.all("purchases of a shopper", "/purchases", "user_id", "shopper", "purchases", ledger::purchases))
                .exec(session -> {
                    ledger.countSold(session.getList("purchases"));
                    return session.set("account", session.getString("shopper")).remove("balance")
                            .set("polling_since", System.nanoTime());
                })
                .exec(wallet("wallet reconciled").check(jmesPath("balance").ofLong().is(ledger::expectedWallet)))
                .asLongAs(this::pointsStillArriving).on(pause(POLL).exec(balance("points poll")))
                .exec(session -> {
                    pointsWait.record(pointsArrived(session), waited(session));
                    return session;
                })
                .exec(balance("points reconciled").check(jmesPath("balance").ofLong().is(ledger::expectedPoints)))
                .exec(Pages.all("points history of a shopper", "/points/history", "account_id", "shopper", "history",
                        ledger::history));
    }

    /** Points follow a purchase through a queue: wait for them, bounded by {@code load.reconcileSeconds}. */
    private boolean pointsStillArriving(Session session) {
        return !pointsArrived(session) && waited(session).compareTo(settings.reconcileTimeout()) < 0;
    }

    private boolean pointsArrived(Session session) {
        return session.contains("balance") && session.getInt("balance") == ledger.expectedPoints(session);
    }

    private static Duration waited(Session session) {
        return Duration.ofNanos(System.nanoTime() - session.getLong("polling_since"));
    }

    @Override
    public void after() {
        try {
            RunReport.write("shoppers-reconciliation.txt", ledger.summary() + System.lineSeparator() + pointsWait.summary());
        } finally {
            platform.close();
        }
    }
}
