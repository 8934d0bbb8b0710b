package com.unicornstore.campaign.domain;

import java.util.Optional;

/** What a matching rule does with its formula's result. */
public enum Command {
    /** Adds the formula's result, rounded down to whole points, to the campaign's sum. */
    ISSUE("issue"),
    /** Multiplies the campaign's sum of issued points by the formula's result (applied after every issue rule). */
    MULTIPLY("multiply");

    private final String wireName;

    Command(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Command> named(String name) {
        for (Command command : values()) {
            if (command.wireName.equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
