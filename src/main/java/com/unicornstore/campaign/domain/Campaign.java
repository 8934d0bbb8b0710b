package com.unicornstore.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A loyalty campaign of one client: rules that turn a purchase event into points, while it is
 * active and within its validity window [validFrom, validTo). {@code version} counts the writes
 * of the campaign and guards concurrent changes.
 */
public record Campaign(String client, String name, Status status, List<Rule> rules, int priority,
        Instant validFrom, Instant validTo, Long maxPointsPerEvent, String description, long version) {

    /** Whether the campaign takes part in evaluations. */
    public enum Status {
        ACTIVE, INACTIVE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Campaign {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        rules = List.copyOf(rules);
    }

    /** True when the campaign applies to an event of this client that occurred at this instant. */
    public boolean appliesTo(String eventClient, Instant occurredAt) {
        return status == Status.ACTIVE && client.equals(eventClient)
                && (validFrom == null || !occurredAt.isBefore(validFrom))
                && (validTo == null || occurredAt.isBefore(validTo));
    }

    public Campaign withVersion(long newVersion) {
        return new Campaign(client, name, status, rules, priority, validFrom, validTo, maxPointsPerEvent,
                description, newVersion);
    }

    /** Same definition, whatever the version: what a file reload compares to decide whether to write. */
    public boolean sameDefinitionAs(Campaign other) {
        return withVersion(0).equals(other.withVersion(0));
    }
}
