package com.unicornstore.retail.adapter;

import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.RetailRejections;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.unicornstore.platform.security.Callers;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** A purchase as GET /purchase/{id} shows it: the order, its outcome, its saga's steps and any refund. */
public final class PurchaseViews {

    /** The saga's participants, in order, as named by their "step" option. */
    static final List<String> STEPS = List.of("reserve-stock", "debit-wallet", "issue-points");

    private final Purchases purchases;
    private final SagaLog sagas;

    public PurchaseViews(Purchases purchases, SagaLog sagas) {
        this.purchases = purchases;
        this.sagas = sagas;
    }

    /** A purchase the caller may see; someone else's is answered 404 like an unknown one, so ids cannot be probed. */
    public Map<String, Object> find(@Header("id") String purchaseId, Exchange exchange) {
        return view(purchases.find(purchaseId).filter(p -> Callers.maySee(exchange, p.order().userId()))
                .orElseThrow(() -> RetailRejections.unknownPurchase(purchaseId)));
    }

    public Map<String, Object> view(Purchase purchase) {
        return view(purchase, purchase.sagaId() == null ? Optional.empty() : sagas.find(purchase.sagaId()));
    }

    /** Many purchases, their sagas read in one batch. */
    public List<Map<String, Object>> viewAll(List<Purchase> purchases) {
        Map<String, SagaRecord> found = sagas.findAll(purchases.stream().map(Purchase::sagaId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return purchases.stream().map(purchase -> view(purchase,
                Optional.ofNullable(purchase.sagaId() == null ? null : found.get(purchase.sagaId())))).toList();
    }

    private Map<String, Object> view(Purchase purchase, Optional<SagaRecord> saga) {
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
        view.put("steps", steps(saga));
        if (purchase.refund() != null) {
            view.put("refund", Map.of("amount", purchase.refund().amount(), "quantity", purchase.refund().quantity(),
                    "points_revoked", purchase.refund().pointsRevoked(),
                    "points_shortfall", purchase.refund().pointsShortfall()));
        }
        return view;
    }

    /** Each step's state: what the saga did with it, or not-started when the saga never reached it. */
    private static List<Map<String, String>> steps(Optional<SagaRecord> saga) {
        List<String> begun = saga.map(s -> s.steps().stream().map(SagaStep::options)
                .map(options -> options.getOrDefault("step", "")).toList()).orElse(List.of());
        String state = saga.map(s -> s.state().name().toLowerCase()).orElse("unknown");
        List<Map<String, String>> steps = new ArrayList<>();
        for (String step : STEPS) {
            steps.add(Map.of("step", step, "state", begun.contains(step) ? state : "not-started"));
        }
        return steps;
    }
}
