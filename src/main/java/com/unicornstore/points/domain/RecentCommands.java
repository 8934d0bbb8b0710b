package com.unicornstore.points.domain;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The last {@code limit} commands of an account, oldest first: a repeat among them is recognised.
 *
 * <p>A {@link #copy()} shares the commands with its source until either of them remembers one
 * more, which then takes a copy of its own first (copy on write): an account is copied several
 * times per command (in and out of the cache, before an append), and a full account remembers
 * hundreds of commands, which each copy rebuilt. Like the account, an instance is used by one
 * thread at a time; a shared map is only read.
 */
final class RecentCommands {

    private final int limit;
    private LinkedHashMap<String, RecentCommand> byKey;
    /** False while {@link #byKey} may be shared with a copy: it is copied before it changes. */
    private boolean owned;

    RecentCommands(int limit, List<RecentCommand> commands) {
        if (limit < 1) {
            throw new IllegalArgumentException("an account remembers at least one command");
        }
        this.limit = limit;
        this.byKey = new LinkedHashMap<>();
        this.owned = true;
        commands.forEach(this::remember);
    }

    private RecentCommands(int limit, LinkedHashMap<String, RecentCommand> shared) {
        this.limit = limit;
        this.byKey = shared;
        this.owned = false;
    }

    int limit() {
        return limit;
    }

    void remember(RecentCommand command) {
        if (!owned) {
            byKey = new LinkedHashMap<>(byKey);
            owned = true;
        }
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
        owned = false;
        return new RecentCommands(limit, byKey);
    }
}
