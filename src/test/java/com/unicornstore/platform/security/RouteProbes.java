package com.unicornstore.platform.security;

import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.support.Api;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * For each route of the Security table, a request a caller let in would have answered as the
 * route's own success (or, for saga repairs of a saga that did not fail, the route's own refusal),
 * about the caller's own account or another's. Set up once: points, a purchase each for derick and
 * alice, and a campaign to read, patch and dry-run.
 */
final class RouteProbes {

    static final String OWN = "derick";
    static final String OTHER = "alice";
    private static final String CLIENT = "WalkClient";
    /** A queue with a dead-letter queue, for the dead-letter routes. */
    private static final String DEAD_LETTERED = "unicorn-partner-orders";
    private static final String RULES = "[{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
            + "\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}]";

    /** A request to send, and the statuses that mean the caller was let in. */
    record Probe(String method, String path, String body, Set<Integer> admitted) {}

    private final Api operator;
    private final Map<Boolean, String> purchases;
    private final AtomicInteger campaigns = new AtomicInteger();
    private final Map<String, Function<Boolean, Probe>> probes;

    RouteProbes(Api operator, Api pointsWriter, Api own, Api other) {
        this.operator = operator;
        for (String account : new String[] {OWN, OTHER}) {
            pointsWriter.json("POST", "/points", points(account, 1000));
        }
        this.purchases = Map.of(true, bought(own, OWN), false, bought(other, OTHER));
        created(operator, "walk");
        this.probes = Map.ofEntries(
                Map.entry("GET /products", mine -> get("/products")),
                Map.entry("GET /products/{id}", mine -> get("/products/1")),
                Map.entry("GET /images/**", mine -> get("/images/unicorns/unicorn-air.svg")),
                Map.entry("GET /api-doc", mine -> get("/api-doc")),
                Map.entry("GET /api-doc/ui", mine -> get("/api-doc/ui")),
                Map.entry("GET /auth/config", mine -> get("/auth/config")),
                Map.entry("GET /actuator/health", mine -> get("/actuator/health")),
                Map.entry("GET /actuator/info", mine -> get("/actuator/info")),
                Map.entry("GET /nowhere", mine -> new Probe("GET", "/nowhere", null, Set.of(404))),
                Map.entry("GET /points/nowhere", mine -> new Probe("GET", "/points/nowhere", null, Set.of(404))),
                Map.entry("GET /livez", mine -> get("/livez")),
                Map.entry("GET /sagas", mine -> get("/sagas?state=FAILED")),
                Map.entry("POST /products", mine -> new Probe("POST", "/products", "{\"id\":\"walk-" + campaigns.incrementAndGet()
                        + "\",\"name\":\"Walked\",\"description\":\"A unicorn of the access walk\",\"price\":100,"
                        + "\"stock\":1,\"image\":\"unicorn-air.svg\"}", Set.of(201))),
                Map.entry("PATCH /products/{id}", mine -> new Probe("PATCH", "/products/3", "{\"description\":\"Walked\"}",
                        Set.of(200))),
                Map.entry("POST /products/{id}/restock", mine -> new Probe("POST", "/products/3/restock",
                        "{\"quantity\":1}", Set.of(200))),
                Map.entry("POST /wallets/{username}/adjust", mine -> new Probe("POST", "/wallets/" + account(mine) + "/adjust",
                        "{\"amount\":1}", Set.of(200))),
                Map.entry("GET /readyz", mine -> get("/readyz")),
                Map.entry("GET /me", mine -> get("/me")),
                Map.entry("GET /purchases", mine -> get("/purchases?user_id=" + account(mine))),
                Map.entry("GET /dead-letters", mine -> get("/dead-letters?queue=" + DEAD_LETTERED)),
                Map.entry("POST /dead-letters/{queue}/redrive", mine -> new Probe("POST", "/dead-letters/" + DEAD_LETTERED
                        + "/redrive", "{\"ids\":[\"none\"]}", Set.of(200))),
                Map.entry("DELETE /dead-letters/{queue}/{id}", mine -> new Probe("DELETE", "/dead-letters/" + DEAD_LETTERED
                        + "/none", null, Set.of(204, 404))),
                Map.entry("POST /channels/{name}/orders", mine -> new Probe("POST", "/channels/partner/orders",
                        order(account(mine)), Set.of(201))),
                Map.entry("GET /users/balance/{username}", mine -> get("/users/balance/" + account(mine))),
                Map.entry("GET /points", mine -> get("/points?account_id=" + account(mine))),
                Map.entry("GET /points/history", mine -> get("/points/history?account_id=" + account(mine))),
                Map.entry("POST /points", mine -> new Probe("POST", "/points", points(account(mine), 1), Set.of(201))),
                Map.entry("DELETE /points", mine -> new Probe("DELETE", "/points", points(account(mine), 1), Set.of(200))),
                // 409: the previous row's rebuild may still run
                Map.entry("POST /points/projection/rebuild", mine -> new Probe("POST", "/points/projection/rebuild?account_id="
                        + account(mine), null, Set.of(202, 409))),
                Map.entry("GET /points/projection/rebuild", mine -> new Probe("GET", "/points/projection/rebuild", null,
                        Set.of(200, 404))),
                Map.entry("GET /points/projection/rebuild/{job_id}", mine -> new Probe("GET",
                        "/points/projection/rebuild/no-such-job", null, Set.of(404))),
                Map.entry("GET /points/projection/parked", mine -> get("/points/projection/parked")),
                // a parked record's id that is no record's ("none/none"): admitted, it is the route's own 404
                Map.entry("POST /points/projection/parked/{parked_id}/reapply", mine -> new Probe("POST",
                        "/points/projection/parked/bm9uZS9ub25l/reapply", null, Set.of(404))),
                Map.entry("DELETE /points/projection/parked/{parked_id}", mine -> new Probe("DELETE",
                        "/points/projection/parked/bm9uZS9ub25l", null, Set.of(404))),
                Map.entry("POST /purchase", mine -> new Probe("POST", "/purchase", order(account(mine)), Set.of(201))),
                Map.entry("GET /purchase/{id}", mine -> get("/purchase/" + purchases.get(mine))),
                Map.entry("POST /purchase/{id}/refund", mine -> new Probe("POST", "/purchase/" + purchases.get(mine)
                        + "/refund", null, Set.of(200, 202))),
                Map.entry("GET /campaigns", mine -> get("/campaigns")),
                Map.entry("GET /campaigns/{campaign_name}", mine -> get("/campaigns/walk?client=" + CLIENT)),
                Map.entry("POST /campaigns/{campaign_name}/evaluate", mine -> new Probe("POST", "/campaigns/walk/evaluate?client="
                        + CLIENT, "{\"account_id\":\"" + account(mine) + "\",\"amount\":1700}", Set.of(200))),
                Map.entry("POST /campaigns", mine -> new Probe("POST", "/campaigns",
                        campaign("walk-new-" + campaigns.incrementAndGet()), Set.of(201))),
                Map.entry("PATCH /campaigns/{campaign_name}", mine -> new Probe("PATCH", "/campaigns/walk?client=" + CLIENT,
                        "{\"description\":\"walked\"}", Set.of(200))),
                Map.entry("DELETE /campaigns/{campaign_name}", mine -> new Probe("DELETE", "/campaigns/"
                        + created(operator, "walk-gone-" + campaigns.incrementAndGet()) + "?client=" + CLIENT, null, Set.of(204))),
                Map.entry("GET /sagas/{id}", mine -> get("/sagas/" + SagaIds.purchase(purchases.get(mine)))),
                // the purchase's saga completed: a repair is refused by the saga log, not by security
                Map.entry("POST /sagas/{id}/retry", mine -> new Probe("POST", "/sagas/" + SagaIds.purchase(purchases.get(mine))
                        + "/retry", null, Set.of(409))),
                Map.entry("POST /sagas/{id}/compensate", mine -> new Probe("POST", "/sagas/"
                        + SagaIds.purchase(purchases.get(mine)) + "/compensate", null, Set.of(409))));
    }

    /** The request for {@code route} about the caller's own account ({@code mine}) or another's; null for a route without a probe. */
    Probe probe(String route, boolean mine) {
        Function<Boolean, Probe> probe = probes.get(route);
        return probe == null ? null : probe.apply(mine);
    }

    private static String account(boolean mine) {
        return mine ? OWN : OTHER;
    }

    private static Probe get(String path) {
        return new Probe("GET", path, null, Set.of(200));
    }

    private static Probe post(String path) {
        return new Probe("POST", path, null, Set.of(200));
    }

    private static String points(String account, long amount) {
        return "{\"account_id\":\"" + account + "\",\"amount\":" + amount + "}";
    }

    private static String order(String account) {
        return "{\"userId\":\"" + account + "\",\"productId\":\"3\",\"quantity\":1}";
    }

    private static String campaign(String name) {
        return "{\"client\":\"" + CLIENT + "\",\"campaign_name\":\"" + name + "\",\"rules\":" + RULES + "}";
    }

    private static String bought(Api shopper, String account) {
        Api.Response bought = shopper.json("POST", "/purchase", order(account));
        if (bought.status() != 201) {
            throw new IllegalStateException("set-up purchase failed: " + bought.body());
        }
        return bought.json().get("purchase_id").asText();
    }

    private static String created(Api operator, String name) {
        Api.Response created = operator.json("POST", "/campaigns", campaign(name));
        if (created.status() != 201) {
            throw new IllegalStateException("set-up campaign failed: " + created.body());
        }
        return name;
    }
}
