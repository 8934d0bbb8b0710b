package com.unicornstore.campaign.application;

import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists campaigns a page at a time, optionally of one client: {@code {"items","count","next_cursor"}}. */
public final class ListingCampaigns {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private final CampaignStore store;

    public ListingCampaigns(CampaignStore store) {
        this.store = store;
    }

    public Map<String, Object> list(String client, String limit, String cursor) {
        List<Violation> violations = new ArrayList<>();
        if (client != null) {
            Identifiers.collect("client", client, violations);
        }
        int pageSize = pageSize(limit, violations);
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
        CampaignStore.Page page = store.page(client, pageSize, cursor);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("items", page.items().stream().map(CampaignJson::toView).toList());
        reply.put("count", page.items().size());
        reply.put("next_cursor", page.nextCursor());
        return reply;
    }

    private static int pageSize(String limit, List<Violation> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
