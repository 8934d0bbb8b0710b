package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Caller;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.PageSize;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.retail.domain.Purchases;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * {@code GET /purchases}: a page of one shopper's purchases, newest first, each as
 * {@code GET /purchase/{id}} shows it. A shopper sees their own ({@code user_id}, if given, must
 * be theirs: 403 otherwise); operators and integrators name the shopper in {@code user_id}.
 */
public final class PurchaseListings {

    private final Purchases purchases;
    private final PurchaseViews views;

    public PurchaseListings(Purchases purchases, PurchaseViews views) {
        this.purchases = purchases;
        this.views = views;
    }

    public Map<String, Object> page(@Header("user_id") String userId, @Header("limit") String limit,
            @Header("cursor") String cursor, Exchange exchange) {
        String user = userId == null ? Callers.of(exchange).filter(c -> c.kind() == Caller.Kind.SHOPPER)
                .map(Caller::name).orElse(null) : userId;
        Identifiers.require("user_id", user);
        int size = PageSize.of(limit);
        Callers.requireAccount(exchange, user);
        Purchases.Page page = purchases.byUser(user, size, cursor);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("items", views.viewAll(page.items()));
        reply.put("next_cursor", page.nextCursor());
        return reply;
    }
}
