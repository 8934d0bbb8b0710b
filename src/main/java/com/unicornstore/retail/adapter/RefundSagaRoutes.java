package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;

/**
 * The refund saga, on the same durable saga log as purchases. Its one participant only moves the
 * purchase to REFUNDING (compensation: back to COMPLETED); everything given back is in its
 * completion, which the durable saga service retries and, after a crash, any instance resumes.
 * Each completion step is idempotent per purchase, so running the completion again is harmless.
 */
public class RefundSagaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:retail.refund-saga").routeId("retail.refund-saga")
                .saga().propagation(SagaPropagation.REQUIRES_NEW)
                .to("direct:retail.begin-refund");

        from("direct:retail.begin-refund").routeId("retail.begin-refund")
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option("step", constant("refund"))
                    .option("purchaseId", header("purchaseId"))
                    .compensation("direct:retail.reopen-refund")
                    .completion("direct:retail.complete-refund")
                .bean(RefundSteps.class, "begin").id("refund-begin");

        from("direct:retail.reopen-refund").routeId("retail.reopen-refund")
                .bean(RefundSteps.class, "reopen");

        from("direct:retail.complete-refund").routeId("retail.complete-refund")
                .setBody(method(RefundSteps.class, "underway"))
                .filter(body().isNotNull())
                    .bean(RefundSteps.class, "revokePoints").id("refund-revoke-points")
                    .bean(RefundSteps.class, "recordPointsRevoked").id("refund-record-points-revoked")
                    .bean(RefundSteps.class, "creditWallet").id("refund-credit-wallet")
                    .bean(RefundSteps.class, "restock").id("refund-restock")
                    .bean(RefundSteps.class, "markRefunded").id("refund-mark-refunded")
                .end();
    }
}
