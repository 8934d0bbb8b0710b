package com.unicornstore.platform.windows.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One invariant between time windows: its name, the settings it relates, why it must hold, and how
 * to show the values that break it.
 */
public record WindowRule(String name, List<Setting> settings, String reason, Predicate<TimeWindows> holds,
        Function<TimeWindows, String> found) {

    public WindowRule {
        settings = List.copyOf(settings);
    }

    /** What is wrong with these windows under this rule, in one line an operator can act on. */
    public String breach(TimeWindows windows) {
        return name + " (" + String.join(", ", settings.stream().map(Setting::key).toList()) + "): " + reason
                + "; found " + found.apply(windows);
    }
}
