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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of account snapshots (table {@code unicorn.tables.point-snapshots}, key account_id).
 * Schema 3 ({@code schema_version} 3) is what is written: read on every cold load and rewritten every
 * few events, it packs {@code lots} and {@code recent} into one string each ({@link PackedRows}), since
 * moto's cost, and DynamoDB's, grows with the number of values more than with bytes. A lot is the row
 * [lot id, first issue (epoch ms), expiry (epoch ms), remaining, correlation id (schema-1 lots only, else
 * null)]; a recent command [command key, sequence, amount, an issue's lot or null]. Schema 2 held the
 * same fields as lists of maps ({@code i, t, e, r, c} and {@code k, s, l, a}). Schema 1 (no {@code
 * schema_version}) held one lot per issue with ISO times, and the set of revoked correlation ids,
 * which is handed back as {@link Restored#legacyRevoked()} for migration. Attributes beyond these
 * are ignored.
 */
final class SnapshotItems {

    static final int SCHEMA_VERSION = 3;
    private static final int LISTS_OF_MAPS = 2;

    /** A snapshot read back: the account, and the revocations a schema-1 snapshot kept in it. */
    record Restored(PointsAccount account, Set<String> legacyRevoked) {}

    private SnapshotItems() {}

    static Map<String, AttributeValue> toItem(PointsAccount account) {
        return Map.of(
                "account_id", s(account.accountId()),
                "version", n(account.version()),
                "schema_version", n(SCHEMA_VERSION),
                "lots", s(PackedRows.pack(account.lots().stream().map(SnapshotItems::lot).toList())),
                "recent", s(PackedRows.pack(account.recentCommands().stream().map(SnapshotItems::recent).toList())));
    }

    static Restored fromItem(Map<String, AttributeValue> item, int rememberedCommands) {
        String accountId = string(item, "account_id");
        long version = number(item, "version");
        if (!item.containsKey("schema_version")) {
            return new Restored(PointsAccount.restore(accountId, version, legacyLots(item), List.of(),
                    rememberedCommands), legacyRevoked(item));
        }
        long schema = number(item, "schema_version");
        if (schema != SCHEMA_VERSION && schema != LISTS_OF_MAPS) {
            throw new IllegalArgumentException("unknown snapshot schema_version " + schema);
        }
        boolean packed = schema == SCHEMA_VERSION;
        return new Restored(PointsAccount.restore(accountId, version, packed ? packedLots(item) : mappedLots(item),
                packed ? packedRecent(item) : mappedRecent(item), rememberedCommands), Set.of());
    }

    private static List<Lot> packedLots(Map<String, AttributeValue> item) {
        return PackedRows.unpack(string(item, "lots")).stream().map(lot -> new Lot(lot.string(0),
                Instant.ofEpochMilli(lot.number(1)), Instant.ofEpochMilli(lot.number(2)), lot.number(3),
                lot.optionalString(4))).toList();
    }

    private static List<RecentCommand> packedRecent(Map<String, AttributeValue> item) {
        return PackedRows.unpack(string(item, "recent")).stream().map(command -> new RecentCommand(
                command.string(0), command.number(1), command.optionalString(3), command.number(2))).toList();
    }

    private static List<Lot> mappedLots(Map<String, AttributeValue> item) {
        return item.get("lots").l().stream().map(AttributeValue::m)
                .map(lot -> new Lot(string(lot, "i"), millis(lot, "t"), millis(lot, "e"), number(lot, "r"),
                        lot.containsKey("c") ? string(lot, "c") : null))
                .toList();
    }

    private static List<RecentCommand> mappedRecent(Map<String, AttributeValue> item) {
        return item.get("recent").l().stream().map(AttributeValue::m)
                .map(command -> new RecentCommand(string(command, "k"), number(command, "s"),
                        command.containsKey("l") ? string(command, "l") : null, number(command, "a")))
                .toList();
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

    private static List<Object> lot(Lot lot) {
        return Arrays.asList(lot.id(), lot.issuedAt().toEpochMilli(), lot.expiresAt().toEpochMilli(), lot.remaining(),
                lot.correlationId());
    }

    private static List<Object> recent(RecentCommand command) {
        return Arrays.asList(command.key(), command.sequence(), command.amount(), command.lotId());
    }
}
