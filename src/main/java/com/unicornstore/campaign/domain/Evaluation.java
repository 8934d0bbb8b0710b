package com.unicornstore.campaign.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The points an event earns and why: each rule whose condition held, with the points it made.
 * {@code failures} are rules whose formula could not be evaluated for this event (they count 0);
 * {@code skipped} are whole campaigns that could not be evaluated at all, or were beyond the
 * client's cap: the others still count.
 */
public record Evaluation(long points, List<Match> matched, List<RuleFailure> failures, List<Skipped> skipped) {

    public static final Evaluation NONE = new Evaluation(0, List.of(), List.of(), List.of());

    public Evaluation {
        matched = List.copyOf(matched);
        failures = List.copyOf(failures);
        skipped = List.copyOf(skipped);
    }

    public Evaluation(long points, List<Match> matched, List<RuleFailure> failures) {
        this(points, matched, failures, List.of());
    }

    /** A rule (by its index in the campaign) whose condition held; for a multiply rule, the points it added. */
    public record Match(String campaign, int rule, long points) {}

    /** A rule that counted 0 because its formula failed at run time. */
    public record RuleFailure(String client, String campaign, int rule, String reason) {}

    /** A campaign that counted nothing for this event, and why. */
    public record Skipped(String client, String campaign, String reason) {}

    /** An evaluation that only skips this campaign. */
    public static Evaluation skipping(Campaign campaign, String reason) {
        return new Evaluation(0, List.of(), List.of(), List.of(new Skipped(campaign.client(), campaign.name(), reason)));
    }

    /** This evaluation and another, summed. */
    public Evaluation plus(Evaluation other) {
        if (this == NONE) {
            return other;
        }
        List<Match> allMatched = new ArrayList<>(matched);
        allMatched.addAll(other.matched);
        List<RuleFailure> allFailures = new ArrayList<>(failures);
        allFailures.addAll(other.failures);
        List<Skipped> allSkipped = new ArrayList<>(skipped);
        allSkipped.addAll(other.skipped);
        return new Evaluation(Math.min(saturatingSum(points, other.points), MAX_POINTS), allMatched, allFailures,
                allSkipped);
    }

    /** The most points one event can earn: what the points ledger accepts in one command. */
    public static final long MAX_POINTS = 1_000_000_000L;

    /** A sum that stops at Long.MAX_VALUE instead of overflowing: rules may award absurd amounts. */
    static long saturatingSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
