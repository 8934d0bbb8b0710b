package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * Buying, reading and refunding purchases. A purchase is validated, claimed under its
 * Idempotency-Key, opened, then run as the saga of {@link PurchaseSagaRoutes}; how it ended is
 * recorded and answered.
 */
public class PurchaseRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:retail.purchase").routeId("retail.purchase")
                .bean(PurchaseSteps.class, "order")
                .bean("idempotentRequests", "begin")
                .filter(method("idempotentRequests", "isFresh"))
                    .bean(PurchaseSteps.class, "open")
                    .filter(exchangeProperty(PurchaseSteps.PURCHASE_MADE).isNull())
                        .doTry()
                            .to("direct:retail.purchase-saga")
                        .doCatch(Exception.class)
                            .bean(PurchaseSteps.class, "failed")
                        .end()
                    .end()
                    .bean(PurchaseSteps.class, "completed")
                    .bean("jsonResponses", "created")
                    .bean("idempotentRequests", "complete")
                .end();

        from("direct:retail.get-purchase").routeId("retail.get-purchase")
                .bean(PurchaseSteps.class, "purchaseId")
                .bean(PurchaseViews.class, "find")
                .bean("jsonResponses", "ok");

        from("direct:retail.refund").routeId("retail.refund")
                .bean(PurchaseSteps.class, "purchaseId")
                .bean("refundingPurchase", "refund")
                .bean(PurchaseViews.class, "view")
                .bean("jsonResponses", "ok");
    }
}
