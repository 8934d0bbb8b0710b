package com.unicornstore.retail.adapter;

import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.RetailRejections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A purchase as GET /purchase/{id} shows it. */
public final class PurchaseViews {

    private final Purchases purchases;

    public PurchaseViews(Purchases purchases) {
        this.purchases = purchases;
    }

    public Map<String, Object> find(String purchaseId) {
        Purchase purchase = purchases.find(purchaseId).orElseThrow(() -> RetailRejections.unknownPurchase(purchaseId));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("purchase_id", purchase.id());
        view.put("status", purchase.status().name());
        view.put("userId", purchase.order().userId());
        view.put("productId", purchase.order().productId());
        view.put("quantity", purchase.order().quantity());
        view.put("total", purchase.total());
        view.put("points", purchase.points());
        if (purchase.reason() != null) {
            view.put("reason", purchase.reason());
        }
        view.put("created_at", purchase.createdAt().toString());
        return view;
    }
}
