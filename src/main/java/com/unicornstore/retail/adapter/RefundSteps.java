package com.unicornstore.retail.adapter;

import com.unicornstore.platform.security.Callers;
import com.unicornstore.retail.application.RefundingPurchase;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.saga.adapter.DurableSagaService;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The refund saga's steps, bound to the exchange: the purchase id and the attempt travel in headers
 * ({@code purchaseId}, {@code refundAttempt}); completions and compensations get the purchase id
 * back as a saga option and the saga id in {@link Exchange#SAGA_LONG_RUNNING_ACTION}.
 */
public final class RefundSteps {

    /** Exchange property: why the refund saga failed, for the answer. */
    static final String FAILURE = "unicorn.refund.failure";

    private final RefundingPurchase refunding;

    public RefundSteps(RefundingPurchase refunding) {
        this.refunding = refunding;
    }

    /** Decides whether a refund saga must run; if so, its purchase, attempt and saga id go on the exchange. */
    public void request(String purchaseId, Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("purchaseId", purchaseId);
        refunding.request(purchaseId, account -> Callers.maySee(exchange, account)).ifPresent(attempt -> {
            exchange.getMessage().setHeader("refundAttempt", attempt.attempt());
            exchange.setProperty(DurableSagaService.SAGA_ID_PROPERTY, attempt.sagaId());
        });
    }

    public void begin(@Header("purchaseId") String purchaseId, @Header("refundAttempt") int attempt,
            @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        refunding.begin(purchaseId, attempt, sagaId);
    }

    public void reopen(@Header("purchaseId") String purchaseId, @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        refunding.reopen(purchaseId, sagaId);
    }

    /** The purchase the completion gives back, or null when this saga has nothing (left) to give. */
    public Purchase underway(@Header("purchaseId") String purchaseId,
            @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        return refunding.underway(purchaseId, sagaId).orElse(null);
    }

    public void revokePoints(Purchase purchase, Exchange exchange) {
        exchange.getMessage().setHeader("pointsRevoked", refunding.revokePoints(purchase));
    }

    public void recordPointsRevoked(@Header("purchaseId") String purchaseId, @Header("pointsRevoked") long revoked) {
        refunding.recordPointsRevoked(purchaseId, revoked);
    }

    public void creditWallet(Purchase purchase) {
        refunding.creditWallet(purchase);
    }

    public void restock(Purchase purchase) {
        refunding.restock(purchase);
    }

    public void markRefunded(@Header("purchaseId") String purchaseId,
            @Header(Exchange.SAGA_LONG_RUNNING_ACTION) String sagaId) {
        refunding.markRefunded(purchaseId, sagaId);
    }

    public void failed(Exchange exchange) {
        exchange.setProperty(FAILURE, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** The purchase as the refund left it; a refund that could not begin answers with its failure. */
    public Purchase outcome(@Header("purchaseId") String purchaseId, Exchange exchange) {
        return refunding.outcome(purchaseId, exchange.getProperty(FAILURE, Throwable.class));
    }

    /** True when the refund is still being given back, here or by a concurrent request (answered 202, not 200). */
    public boolean stillRefunding(Map<String, Object> view, Exchange exchange) {
        return PurchaseStatus.REFUNDING.name().equals(view.get("status"))
                || RefundingPurchase.isConcurrentAttempt(exchange.getProperty(FAILURE, Throwable.class));
    }
}
