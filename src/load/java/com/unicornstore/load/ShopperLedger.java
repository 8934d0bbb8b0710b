package com.unicornstore.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the shoppers scenario knows and what the platform must then show: each shopper's funding and
 * the purchases answered COMPLETED to this client; at reconciliation the platform's own purchase list
 * decides each wallet (funding minus totals), each stock (initial minus quantities) and each points
 * account (one issue per COMPLETED purchase, its points). Every difference is named and kept.
 */
final class ShopperLedger {

    private static final Set<String> UNSETTLED = Set.of("PENDING", "REFUNDING", "FAILED");

    private final long funding;
    private final long stock;
    private final Map<String, Set<String>> answeredCompleted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sold = new ConcurrentHashMap<>();
    private final List<String> differences = new ArrayList<>();
    private final AtomicLong platformCompleted = new AtomicLong();
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();

    /** What one shopper's wallet and points must show, and the purchases whose points it must hold. */
    private record Expected(long wallet, long points, Set<String> completed) {}

    ShopperLedger(long funding, long stock) {
        this.funding = funding;
        this.stock = stock;
    }

    /** A purchase this client saw answered 201 COMPLETED. */
    Session answered(Session session) {
        answeredCompleted.computeIfAbsent(session.getString("shopper"), any -> ConcurrentHashMap.newKeySet())
                .add(session.getString("purchase_id"));
        return session;
    }

    /**
     * Verdict on a shopper's purchases as the platform lists them: every purchase answered COMPLETED
     * is there as COMPLETED, none is left unsettled. Saves what the wallet, points and history must show.
     */
    String purchases(List<JsonNode> items, Session session) {
        String shopper = session.getString("shopper");
        Set<String> completed = new HashSet<>();
        long spent = 0;
        long points = 0;
        List<String> found = new ArrayList<>();
        for (JsonNode item : items) {
            String status = item.path("status").asText();
            if ("COMPLETED".equals(status)) {
                completed.add(item.path("purchase_id").asText());
                spent += item.path("total").asLong();
                points += item.path("points").asLong();
            } else if (UNSETTLED.contains(status)) {
                found.add("purchase " + item.path("purchase_id").asText() + " is " + status);
            }
        }
        Set<String> missing = new HashSet<>(answeredCompleted.getOrDefault(shopper, Set.of()));
        missing.removeAll(completed);
        missing.forEach(id -> found.add("purchase " + id + " answered COMPLETED is not COMPLETED in the list"));
        expected.put(shopper, new Expected(funding - spent, points, completed));
        return verdict(shopper, found);
    }

    /** Counts a shopper's COMPLETED purchases into the stock each product must have lost. */
    void countSold(List<?> items) {
        for (JsonNode item : items.stream().map(JsonNode.class::cast).toList()) {
            if ("COMPLETED".equals(item.path("status").asText())) {
                platformCompleted.incrementAndGet();
                sold.computeIfAbsent(item.path("productId").asText(), any -> new AtomicLong())
                        .addAndGet(item.path("quantity").asLong());
            }
        }
    }

    /** Verdict on a shopper's points history: exactly one issue per COMPLETED purchase, nothing else. */
    String history(List<JsonNode> events, Session session) {
        String shopper = session.getString("shopper");
        Map<String, Integer> issues = new HashMap<>();
        List<String> found = new ArrayList<>();
        for (JsonNode event : events) {
            String type = event.path("transaction_type").asText();
            if ("issue".equals(type)) {
                issues.merge(event.path("correlation_id").asText(), 1, Integer::sum);
            } else {
                found.add("unexpected " + type + " event " + event.path("id").asText());
            }
        }
        for (String purchase : expected(shopper).completed()) {
            int count = issues.getOrDefault(purchase, 0);
            if (count != 1) {
                found.add("purchase " + purchase + " has " + count + " issues of points");
            }
        }
        issues.keySet().stream().filter(id -> !expected(shopper).completed().contains(id))
                .forEach(id -> found.add("points issued for " + id + ", no COMPLETED purchase of this shopper"));
        return verdict(shopper, found);
    }

    long expectedWallet(Session session) {
        return expected(session.getString("shopper")).wallet();
    }

    long expectedPoints(Session session) {
        return expected(session.getString("shopper")).points();
    }

    long expectedStock(Session session) {
        AtomicLong count = sold.get(session.getString("product"));
        return stock - (count == null ? 0 : count.get());
    }

    /** The run's figures and every difference found, for the log and {@code target/load/}. */
    synchronized String summary() {
        long answered = answeredCompleted.values().stream().mapToLong(Set::size).sum();
        Map<String, Long> soldByProduct = new TreeMap<>();
        sold.forEach((product, count) -> soldByProduct.put(product, count.get()));
        return "reconciliation: " + expected.size() + " shoppers, " + answered + " purchases answered COMPLETED, "
                + platformCompleted.get() + " COMPLETED in the platform's lists, sold " + soldByProduct
                + "; differences in lists and histories: " + (differences.isEmpty() ? "none" : differences)
                + " (wallet, points and stock differences are the failed checks named '... reconciled')";
    }

    private Expected expected(String shopper) {
        return expected.getOrDefault(shopper, new Expected(funding, 0, Set.of()));
    }

    private synchronized String verdict(String shopper, List<String> found) {
        if (found.isEmpty()) {
            return Pages.OK;
        }
        found.forEach(difference -> differences.add(shopper + ": " + difference));
        return shopper + ": " + String.join("; ", found);
    }
}
