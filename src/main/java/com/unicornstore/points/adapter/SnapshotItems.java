package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
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
import java.util.Set;
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
                "revoked", AttributeValue.fromL(account.revokedCorrelations().stream().map(Attributes::s).toList()));
    }

    static PointsAccount fromItem(Map<String, AttributeValue> item) {
        List<Lot> lots = item.get("lots").l().stream().map(AttributeValue::m)
                .map(lot -> new Lot(string(lot, "id"), instant(lot, "issued_at"), instant(lot, "expires_at"),
                        number(lot, "remaining"), string(lot, "correlation_id")))
                .toList();
        Set<String> revoked = item.containsKey("revoked")
                ? item.get("revoked").l().stream().map(AttributeValue::s).collect(Collectors.toSet()) : Set.of();
        return PointsAccount.restore(string(item, "account_id"), number(item, "version"), lots, revoked);
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
