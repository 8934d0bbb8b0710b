package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.idempotency.IdempotentRequests;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.security.Origins;
import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.retail.domain.Wallets;
import com.unicornstore.platform.web.JsonFields;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.saga.adapter.DurableSagaService;
import com.unicornstore.platform.web.RequestFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The purchase saga's participants, bound to the exchange: the order travels in headers
 * ({@code purchaseId}, {@code userId}, {@code productId}, {@code quantity}, then {@code total}), and
 * the same headers come back to compensations and completions as saga options.
 */
public final class PurchaseSteps {

    /** Exchange property: the purchase was made by an earlier request with the same Idempotency-Key. */
    public static final String PURCHASE_MADE = "unicorn.purchase.made";

    private final JsonBodies bodies;
    private final PlacingPurchase placing;
    private final Inventory inventory;
    private final Wallets wallets;
    private final PurchaseOutcomes outcomes;

    public PurchaseSteps(JsonBodies bodies, PlacingPurchase placing, Inventory inventory, Wallets wallets,
            PurchaseOutcomes outcomes) {
        this.bodies = bodies;
        this.placing = placing;
        this.inventory = inventory;
        this.wallets = wallets;
        this.outcomes = outcomes;
    }

    /** Validates the request: 400 naming every bad field, 415 when it is not JSON. */
    public PurchaseOrder order(Exchange exchange) {
        JsonFields fields = JsonFields.of(bodies.readObject(exchange));
        String userId = fields.identifier("userId");
        String productId = fields.identifier("productId");
        long quantity = fields.integer("quantity", 1, PurchaseOrder.MAX_QUANTITY);
        fields.orReject();
        Callers.requireAccount(exchange, userId);
        String idempotencyKey = exchange.getMessage().getHeader(IdempotentRequests.HEADER, String.class);
        if (idempotencyKey != null) {
            // the id this request's purchase has whatever happens next: a 503 while the key is claimed names it too
            RequestFacts.remember(exchange, "purchase_id", placing.purchaseIdFor(Callers.principal(exchange), idempotencyKey));
        }
        return new PurchaseOrder(userId, productId, (int) quantity);
    }

    /**
     * Opens the purchase and puts the order in the headers the saga steps and their options read.
     * A retry that finds its purchase already COMPLETED gets that purchase as the answer, and the
     * {@code purchaseMade} property tells the route to skip the saga.
     */
    public void open(PurchaseOrder order, @Header(IdempotentRequests.HEADER) String idempotencyKey, Exchange exchange) {
        String purchaseId = placing.purchaseIdFor(Callers.principal(exchange), idempotencyKey);
        // for an answer cut short by the server's request timeout: the client can still follow its purchase
        RequestFacts.remember(exchange, "purchase_id", purchaseId);
        Origin origin = Origins.of(exchange);
        PlacingPurchase.Opened opened = placing.open(order, purchaseId, origin);
        Purchase purchase = opened.purchase();
        RequestFacts.remember(exchange, "purchase_id", purchase.id()); // a channel's later attempt has an id of its own
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("purchaseId", purchase.id());
        message.setHeader("userId", order.userId());
        message.setHeader("productId", order.productId());
        message.setHeader("quantity", order.quantity());
        PointsAward.carry(message, origin);
        message.setBody(null);
        // the saga's id is the purchase's: recovery finds a purchase whose saga never began by it
        exchange.setProperty(DurableSagaService.SAGA_ID_PROPERTY, SagaIds.purchase(purchase.id()));
        if (!opened.fresh()) {
            message.setHeader("total", purchase.total());
            message.setHeader("points", purchase.points());
            exchange.setProperty(PURCHASE_MADE, true);
        }
    }

    public void reserveStock(@Header("purchaseId") String purchaseId, @Header("productId") String productId,
            @Header("quantity") int quantity, Exchange exchange) {
        long price = inventory.reserve(productId, purchaseId, quantity);
        exchange.getMessage().setHeader("total", Math.multiplyExact(price, quantity));
    }

    /** The first step's compensation runs last: once the stock is back, the whole purchase is undone. */
    public void releaseStock(@Header("purchaseId") String purchaseId, @Header("productId") String productId,
            @Header("quantity") int quantity, @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        inventory.release(productId, purchaseId, quantity);
        placing.compensatedBySaga(purchaseId, sagaId);
    }

    /** The last step's completion runs first: the purchase is COMPLETED even if this instance dies now. */
    public void confirmPurchase(@Header("purchaseId") String purchaseId, @Header("total") long total,
            @Header("points") long points, @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        placing.completed(purchaseId, total, points, sagaId);
    }

    public void confirmStock(@Header("purchaseId") String purchaseId, @Header("productId") String productId) {
        inventory.confirm(productId, purchaseId);
    }

    public void debitWallet(@Header("purchaseId") String purchaseId, @Header("userId") String userId,
            @Header("total") long total) {
        wallets.debit(userId, purchaseId, total);
    }

    public void refundWallet(@Header("purchaseId") String purchaseId, @Header("userId") String userId,
            @Header("total") long total) {
        wallets.refund(userId, purchaseId, total);
    }

    public void confirmWallet(@Header("purchaseId") String purchaseId, @Header("userId") String userId) {
        wallets.confirm(userId, purchaseId);
    }

    /** The saga ended well (its completion recorded it): answer with the purchase. */
    public Map<String, Object> completed(Exchange exchange) {
        var in = exchange.getMessage();
        String purchaseId = in.getHeader("purchaseId", String.class);
        long total = in.getHeader("total", Long.class);
        long points = in.getHeader("points", 0L, Long.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purchase_id", purchaseId);
        body.put("status", "COMPLETED");
        body.put("userId", in.getHeader("userId"));
        body.put("productId", in.getHeader("productId"));
        body.put("quantity", in.getHeader("quantity"));
        body.put("total", total);
        body.put("points", points);
        Object skipped = in.getHeader(PointsAward.SKIPPED);
        if (skipped != null) {
            body.put("campaigns_skipped", skipped);
        }
        if (exchange.getProperty(PURCHASE_MADE) == null) {
            outcomes.completed(); // a retry that found its purchase made is no second purchase
        }
        return body;
    }

    /** The saga failed (and compensated): record how the purchase ended and throw what the client must be told. */
    public void failed(@Header("purchaseId") String purchaseId, Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        outcomes.failed(failure);
        throw placing.failed(purchaseId, failure);
    }

    /** Path parameter check for GET /purchase/{id}. */
    public String purchaseId(@Header("id") String id) {
        if (!Identifiers.isValid(id)) {
            throw Rejection.invalid("id", "is not a purchase id");
        }
        return id;
    }
}
