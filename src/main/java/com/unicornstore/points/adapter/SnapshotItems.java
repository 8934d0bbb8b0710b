package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;
import static com.unicornstore.platform.aws.Attributes.time;

import com.unicornstore.points.domain.Lot;
import com.unicornstore.points.domain.PointsAccount;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stored shape of account snapshots (table {@code unicorn.tables.point-snapshots}, key account_id). */
final class SnapshotItems {

    private SnapshotItems() {}

    static Map<String, AttributeValue> toItem(PointsAccount account) {
        return Map.of(
                "account_id", s(account.accountId()),
                "version", n(account.version()),
                "lots", AttributeValue.fromL(account.lots().stream().map(SnapshotItems::lot).toList()),
                "revoked_amounts", AttributeValue.fromM(account.revocations().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> n(entry.getValue())))));
    }

    static PointsAccount fromItem(Map<String, AttributeValue> item) {
        List<Lot> lots = item.get("lots").l().stream().map(AttributeValue::m)
                .map(lot -> new Lot(string(lot, "id"), instant(lot, "issued_at"), instant(lot, "expires_at"),
                        number(lot, "remaining"), string(lot, "correlation_id")))
                .toList();
        return PointsAccount.restore(string(item, "account_id"), number(item, "version"), lots, revocations(item));
    }

    /**
     * Correlation id to points taken. Snapshots written before the amounts were kept list the ids
     * only ({@code revoked}); their amounts read as 0, what a repeated revocation answered then.
     */
    private static Map<String, Long> revocations(Map<String, AttributeValue> item) {
        if (item.containsKey("revoked_amounts")) {
            return item.get("revoked_amounts").m().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> Long.parseLong(entry.getValue().n())));
        }
        return item.containsKey("revoked")
                ? item.get("revoked").l().stream().collect(Collectors.toMap(AttributeValue::s, id -> 0L, (a, b) -> a))
                : Map.of();
    }

    private static AttributeValue lot(Lot lot) {
        return AttributeValue.fromM(Map.of(
                "id", s(lot.id()),
                "issued_at", time(lot.issuedAt()),
                "expires_at", time(lot.expiresAt()),
                "remaining", n(lot.remaining()),
                "correlation_id", s(lot.correlationId())));
    }
}
