package com.unicornstore.load;

import java.time.Duration;
import java.util.Optional;

/**
 * What a load run is asked for, from {@code load.*} system properties (the {@code load} Maven
 * profile passes them on): where the platform is, the injection model, users or arrival rate,
 * duration, the API key, how long a projection may take to catch up and how long the shoppers'
 * points may take to arrive before reconciliation gives up.
 */
public record LoadSettings(Optional<String> baseUrl, Model model, int users, double rate, Duration duration,
        String apiKey, long requestsPerMinute, Duration catchUpTimeout, Duration reconcileTimeout) {

    /** Closed: a fixed number of concurrent users, each starting again when done. Open: arrivals a second. */
    public enum Model { CLOSED, OPEN }

    public static LoadSettings fromSystemProperties() {
        String baseUrl = System.getProperty("load.baseUrl", "").strip();
        return new LoadSettings(
                baseUrl.isEmpty() ? Optional.empty() : Optional.of(baseUrl.replaceAll("/+$", "")),
                Model.valueOf(System.getProperty("load.model", "closed").strip().toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(System.getProperty("load.users", "8").strip()),
                Double.parseDouble(System.getProperty("load.rate", "4").strip()),
                Duration.ofSeconds(Long.parseLong(System.getProperty("load.duration", "30").strip())),
                System.getProperty("load.apiKey", "local-load-key").strip(),
                Long.parseLong(System.getProperty("load.requestsPerMinute", "10000000").strip()),
                Duration.ofSeconds(Long.parseLong(System.getProperty("load.catchUpSeconds", "30").strip())),
                Duration.ofSeconds(Long.parseLong(System.getProperty("load.reconcileSeconds", "900").strip())));
    }

    /** How many distinct actors (shoppers, accounts) the seeding makes: one per concurrent user, at least 8. */
    public int actors() {
        return Math.max(8, model == Model.CLOSED ? users : (int) Math.ceil(rate * 2));
    }

    public String describe() {
        return model == Model.CLOSED
                ? users + " concurrent users for " + duration.toSeconds() + " s (closed model)"
                : rate + " arrivals/s for " + duration.toSeconds() + " s (open model)";
    }
}
