package com.unicornstore.campaign.domain;

import java.util.Objects;

/**
 * One rule of a campaign: when the value at {@code variable} satisfies the condition, the action's
 * formula is evaluated against the event.
 */
public record Rule(String variable, Condition condition, Action action) {

    public Rule {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
    }

    /**
     * An operator and the value it compares with: a BigDecimal, a String, a Boolean or a List of
     * them, as the operator requires.
     */
    public record Condition(Operator operator, Object value) {}

    /** The command and its formula. */
    public record Action(Command command, String formula) {}
}
