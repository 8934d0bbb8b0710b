package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;

import com.unicornstore.points.domain.Lot;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.RecentCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of account snapshots (table {@code unicorn.tables.point-snapshots}, key account_id).
 * Schema 2 ({@code schema_version} 2) is kept small, since it is read on every cold load: {@code lots}
 * as maps {@code i} (lot id), {@code t} (first issue, epoch ms), {@code e} (expiry, epoch ms),
 * {@code r} (remaining), {@code c} (correlation id, schema-1 lots only); {@code recent} as maps
 * {@code k} (command key), {@code s} (sequence), {@code l} and {@code a} (an issue's lot and amount).
 * Schema 1 (no {@code schema_version}) held one lot per issue with ISO times, and the set of
 * revoked correlation ids, which is handed back as {@link Restored#legacyRevoked()} for migration.
 */
final class SnapshotItems {

    static final int SCHEMA_VERSION = 2;

    /** A snapshot read back: the account, and the revocations a schema-1 snapshot kept in it. */
    record Restored(PointsAccount account, Set<String> legacyRevoked) {}

    private SnapshotItems() {}

    static Map<String, AttributeValue> toItem(PointsAccount account) {
        return Map.of(
                "account_id", s(account.accountId()),
                "version", n(account.version()),
                "schema_version", n(SCHEMA_VERSION),
                "lots", AttributeValue.fromL(account.lots().stream().map(SnapshotItems::lot).toList()),
                "recent", AttributeValue.fromL(account.recentCommands().stream().map(SnapshotItems::recent).toList()));
    }

    static Restored fromItem(Map<String, AttributeValue> item, int rememberedCommands) {
        String accountId = string(item, "account_id");
        long version = number(item, "version");
        if (!item.containsKey("schema_version")) {
            return new Restored(PointsAccount.restore(accountId, version, legacyLots(item), List.of(),
                    rememberedCommands), legacyRevoked(item));
        }
        long schema = number(item, "schema_version");
        if (schema != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unknown snapshot schema_version " + schema);
        }
        List<Lot> lots = item.get("lots").l().stream().map(AttributeValue::m)
                .map(lot -> new Lot(string(lot, "i"), millis(lot, "t"), millis(lot, "e"), number(lot, "r"),
                        lot.containsKey("c") ? string(lot, "c") : null))
                .toList();
        List<RecentCommand> recent = item.get("recent").l().stream().map(AttributeValue::m)
                .map(command -> new RecentCommand(string(command, "k"), number(command, "s"),
                        command.containsKey("l") ? string(command, "l") : null, number(command, "a")))
                .toList();
        return new Restored(PointsAccount.restore(accountId, version, lots, recent, rememberedCommands), Set.of());
    }

    private static List<Lot> legacyLots(Map<String, AttributeValue> item) {
        return item.get("lots").l().stream().map(AttributeValue::m)
                .map(lot -> new Lot(string(lot, "id"), instant(lot, "issued_at"), instant(lot, "expires_at"),
                        number(lot, "remaining"), string(lot, "correlation_id")))
                .toList();
    }

    private static Set<String> legacyRevoked(Map<String, AttributeValue> item) {
        return item.containsKey("revoked")
                ? item.get("revoked").l().stream().map(AttributeValue::s).collect(Collectors.toSet()) : Set.of();
    }

    private static Instant millis(Map<String, AttributeValue> map, String name) {
        return Instant.ofEpochMilli(number(map, name));
    }

    private static AttributeValue lot(Lot lot) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("i", s(lot.id()));
        map.put("t", n(lot.issuedAt().toEpochMilli()));
        map.put("e", n(lot.expiresAt().toEpochMilli()));
        map.put("r", n(lot.remaining()));
        if (lot.correlationId() != null) {
            map.put("c", s(lot.correlationId()));
        }
        return AttributeValue.fromM(map);
    }

    private static AttributeValue recent(RecentCommand command) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("k", s(command.key()));
        map.put("s", n(command.sequence()));
        map.put("a", n(command.amount()));
        if (command.lotId() != null) {
            map.put("l", s(command.lotId()));
        }
        return AttributeValue.fromM(map);
    }
}
