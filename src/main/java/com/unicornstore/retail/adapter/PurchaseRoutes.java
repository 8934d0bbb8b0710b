package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * Buying, reading and refunding purchases. A purchase is validated, claimed under its
 * Idempotency-Key, opened, then run as the saga of {@link PurchaseSagaRoutes}; how it ended is
 * recorded and answered. A refund runs the saga of {@link RefundSagaRoutes}.
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

        from("direct:retail.list-purchases").routeId("retail.list-purchases")
                .bean(PurchaseListings.class, "page")
                .bean("jsonResponses", "ok");

        // a refund is a saga of its own (RefundSagaRoutes); 202 while its completion is still retried
        from("direct:retail.refund").routeId("retail.refund")
                .bean(PurchaseSteps.class, "purchaseId")
                .bean(RefundSteps.class, "request")
                .filter(header("refundAttempt").isNotNull())
                    .doTry()
                        .to("direct:retail.refund-saga")
                    .doCatch(Exception.class)
                        .bean(RefundSteps.class, "failed")
                    .end()
                .end()
                .bean(RefundSteps.class, "outcome")
                .bean(PurchaseViews.class, "view")
                .choice()
                    .when(method(RefundSteps.class, "stillRefunding")).bean("jsonResponses", "accepted")
                    .otherwise().bean("jsonResponses", "ok")
                .end();
    }
}
