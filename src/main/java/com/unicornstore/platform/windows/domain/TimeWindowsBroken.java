package com.unicornstore.platform.windows.domain;

import java.util.List;

/** Settings whose time windows break an invariant: the app must not start with them. */
public final class TimeWindowsBroken extends IllegalStateException {

    private final List<String> breaches;

    public TimeWindowsBroken(List<String> breaches) {
        super("The time-window settings break " + breaches.size() + " rule(s) (see README, Time windows):\n  - "
                + String.join("\n  - ", breaches));
        this.breaches = List.copyOf(breaches);
    }

    public List<String> breaches() {
        return breaches;
    }
}
