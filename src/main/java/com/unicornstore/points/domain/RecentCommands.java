package com.unicornstore.points.domain;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** The last {@code limit} commands of an account, oldest first: a repeat among them is recognised. */
final class RecentCommands {

    private final int limit;
    private final LinkedHashMap<String, RecentCommand> byKey = new LinkedHashMap<>();

    RecentCommands(int limit, List<RecentCommand> commands) {
        if (limit < 1) {
            throw new IllegalArgumentException("an account remembers at least one command");
        }
        this.limit = limit;
        commands.forEach(this::remember);
    }

    int limit() {
        return limit;
    }

    void remember(RecentCommand command) {
        byKey.remove(command.key());
        byKey.put(command.key(), command);
        Iterator<String> oldest = byKey.keySet().iterator();
        while (byKey.size() > limit) {
            oldest.next();
            oldest.remove();
        }
    }

    Optional<RecentCommand> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    List<RecentCommand> list() {
        return List.copyOf(byKey.values());
    }

    RecentCommands copy() {
        return new RecentCommands(limit, list());
    }
}
