package com.unicornstore.campaign.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A loyalty campaign of one client: rules that turn a purchase event into points, while it is
 * active and within its validity window [validFrom, validTo). {@code version} counts the writes
 * of the campaign and guards concurrent changes; {@code history} records who made them.
 */
public record Campaign(String client, String name, Status status, List<Rule> rules, int priority,
        Instant validFrom, Instant validTo, Long maxPointsPerEvent, String description, long version,
        CampaignHistory history) {

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
        history = history == null ? CampaignHistory.NONE : history;
    }

    /** A campaign with no recorded history (read from a document). */
    public Campaign(String client, String name, Status status, List<Rule> rules, int priority,
            Instant validFrom, Instant validTo, Long maxPointsPerEvent, String description, long version) {
        this(client, name, status, rules, priority, validFrom, validTo, maxPointsPerEvent, description, version,
                CampaignHistory.NONE);
    }

    /** True when the campaign applies to an event of this client that occurred at this instant. */
    public boolean appliesTo(String eventClient, Instant occurredAt) {
        return status == Status.ACTIVE && client.equals(eventClient)
                && (validFrom == null || !occurredAt.isBefore(validFrom))
                && (validTo == null || occurredAt.isBefore(validTo));
    }

    /**
     * This definition as the next version of {@code previous} (null when it is new): version 1 or
     * one more, and the previous history with this change added, at most {@code keep} changes.
     */
    public Campaign changedFrom(Campaign previous, Origin origin, Instant at, int keep) {
        long next = previous == null ? 1 : previous.version() + 1;
        CampaignHistory before = previous == null ? CampaignHistory.NONE : previous.history();
        return new Campaign(client, name, status, rules, priority, validFrom, validTo, maxPointsPerEvent,
                description, next, before.after(new CampaignChange(next, origin, at), keep));
    }

    /** Same definition, whatever the version and history: what a file reload compares to decide whether to write. */
    public boolean sameDefinitionAs(Campaign other) {
        return definition().equals(other.definition());
    }

    private Campaign definition() {
        return new Campaign(client, name, status, rules, priority, validFrom, validTo, maxPointsPerEvent,
                description, 0, CampaignHistory.NONE);
    }
}
