package com.unicornstore.points.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.unicornstore.platform.web.OriginFields;
import com.unicornstore.points.application.ReadingBalance.Reading;
import com.unicornstore.points.application.ReadingHistory.Page;
import com.unicornstore.points.domain.BalanceEntry;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsExpired;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the points API (field names of the reference contract). */
public final class PointsResponses {

    public Map<String, Object> transaction(PointsEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("date_time", event.occurredAt().toString());
        body.put("account_id", event.accountId());
        body.put("transaction_type", typeOf(event));
        body.put("amount", event.amount());
        return body;
    }

    public Map<String, Object> balance(Reading reading) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BalanceEntry entry : reading.view().entries()) {
            entries.add(entry(entry, reading.at()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_id", reading.view().accountId());
        body.put("balance", reading.balance());
        body.put("balance_entries", entries);
        return body;
    }

    /** A history page; {@code next_cursor} is written as null on the last page rather than left out. */
    public record HistoryPage(List<Map<String, Object>> items,
            @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

    public HistoryPage history(Page page) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (RecordedEvent recorded : page.items()) {
            Map<String, Object> item = transaction(recorded.event());
            item.put("sequence", recorded.sequence());
            item.put("correlation_id", recorded.event().correlationId());
            OriginFields.put(item, recorded.event().origin());
            if (recorded.event() instanceof PointsIssued issued) {
                item.put("expires_at", issued.expiresAt().toString());
            }
            items.add(item);
        }
        return new HistoryPage(items, HistoryCursor.encode(page.nextBefore()));
    }

    private static Map<String, Object> entry(BalanceEntry entry, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issued_date", entry.issuedAt().toString());
        body.put("balance", entry.remaining());
        body.put("last_updated", entry.lastUpdated().toString());
        body.put("status", entry.isExpiredAt(at) ? "expired" : "active");
        body.put("expires_at", entry.expiresAt().toString());
        return body;
    }

    private static String typeOf(PointsEvent event) {
        if (event instanceof PointsIssued) {
            return "issue";
        }
        if (event instanceof PointsRedeemed) {
            return "redeem";
        }
        return event instanceof PointsExpired ? "expire" : "revoke";
    }
}
