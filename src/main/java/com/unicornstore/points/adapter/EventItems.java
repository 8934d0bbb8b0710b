package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.Attributes;
import com.unicornstore.platform.aws.OriginAttributes;
import com.unicornstore.platform.domain.Origin;
import static com.unicornstore.platform.aws.Attributes.instant;
import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;
import static com.unicornstore.platform.aws.Attributes.time;

import com.unicornstore.points.domain.LotShare;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsExpired;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.RecordedEvent;
import com.unicornstore.points.domain.StoredEvent;
import com.unicornstore.points.domain.TakesFromLots;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of events (table {@code unicorn.tables.point-events}, key account_id + seq):
 * one item per event, one attribute per field, lots as a list of maps. The shape is versioned by
 * {@code schema_version}: 2 names an issue's lot ({@code lot_id}, its bucket); 1 (today's data
 * before buckets) had none, and such an issue is upcast to a lot of its own named by its event id,
 * with the expiry it was stored with. The origin ({@code principal}, {@code channel}, {@code message_id})
 * is optional in either version: an item without it was stored before origins were kept. An item this code cannot read comes back as an unreadable
 * stored event.
 */
final class EventItems {

    static final String ACCOUNT = "account_id";
    static final String SEQUENCE = "seq";

    private EventItems() {}

    static Map<String, AttributeValue> toItem(long sequence, PointsEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ACCOUNT, s(event.accountId()));
        item.put(SEQUENCE, n(sequence));
        item.put("event_id", s(event.id()));
        item.put("type", s(event.getClass().getSimpleName()));
        item.put("amount", n(event.amount()));
        item.put("occurred_at", time(event.occurredAt()));
        item.put("correlation_id", s(event.correlationId()));
        item.put("schema_version", n(event.schemaVersion()));
        OriginAttributes.put(item, event.origin());
        if (event instanceof PointsIssued issued) {
            item.put("expires_at", time(issued.expiresAt()));
            item.put("lot_id", s(issued.lotId()));
        }
        if (event instanceof PointsRevoked revoked) {
            item.put("requested", n(revoked.requested()));
        }
        if (event instanceof TakesFromLots taking) {
            item.put("lots", AttributeValue.fromL(taking.lots().stream()
                    .map(share -> AttributeValue.fromM(Map.of("lot_id", s(share.lotId()), "amount", n(share.amount()))))
                    .toList()));
        }
        return item;
    }

    /** Reads an item; never throws: what cannot be read is returned as unreadable, with the reason. */
    static StoredEvent fromItem(Map<String, AttributeValue> item) {
        String accountId = item.containsKey(ACCOUNT) ? item.get(ACCOUNT).s() : null;
        long sequence = item.containsKey(SEQUENCE) && item.get(SEQUENCE).n() != null
                ? Long.parseLong(item.get(SEQUENCE).n()) : -1;
        try {
            return StoredEvent.readable(accountId, new RecordedEvent(number(item, SEQUENCE), event(item)),
                    (int) number(item, "schema_version"));
        } catch (RuntimeException unreadable) {
            return StoredEvent.unreadable(accountId, sequence, unreadable.getMessage() + " in " + item);
        }
    }

    private static PointsEvent event(Map<String, AttributeValue> item) {
        long version = number(item, "schema_version");
        if (version != 1 && version != PointsEvent.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unknown schema_version " + version);
        }
        String id = string(item, "event_id");
        String account = string(item, ACCOUNT);
        long amount = number(item, "amount");
        Instant at = instant(item, "occurred_at");
        String correlation = string(item, "correlation_id");
        String type = string(item, "type");
        Origin origin = OriginAttributes.read(item);
        return switch (type) {
            case "PointsIssued" -> new PointsIssued(id, account, amount, at, correlation, instant(item, "expires_at"),
                    version == 1 ? id : string(item, "lot_id"), origin);
            case "PointsRedeemed" -> new PointsRedeemed(id, account, amount, at, correlation, lots(item), origin);
            case "PointsExpired" -> new PointsExpired(id, account, amount, at, correlation, lots(item), origin);
            case "PointsRevoked" -> new PointsRevoked(id, account, amount, at, correlation, number(item, "requested"),
                    lots(item), origin);
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static List<LotShare> lots(Map<String, AttributeValue> item) {
        AttributeValue lots = item.get("lots");
        if (lots == null || !lots.hasL()) {
            throw new IllegalArgumentException("attribute 'lots' is missing or not a list");
        }
        return lots.l().stream().map(lot -> new LotShare(string(lot.m(), "lot_id"), number(lot.m(), "amount"))).toList();
    }
}
