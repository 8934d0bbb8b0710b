package com.unicornstore.retail.adapter;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;

/**
 * Purchases as a Camel saga: reserve stock, debit the wallet, issue the points the campaigns
 * award (a command on the points queue), each with its own compensation route; the durable saga
 * service drives compensations and completions, retries them, and recovers them after a crash.
 */
public class PurchaseRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/purchase").description("Buying unicorns")
                .post().id("retail.http-purchase").description("Buy: runs the purchase saga").consumes("application/json")
                    .produces("application/json").to("direct:retail.purchase")
                .get("/{id}").id("retail.http-get-purchase").description("A purchase, how it ended, its saga's steps")
                    .produces("application/json").to("direct:retail.get-purchase")
                .post("/{id}/refund").id("retail.http-refund").description("Refunds a COMPLETED purchase; idempotent")
                    .produces("application/json").to("direct:retail.refund");

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

        from("direct:retail.purchase-saga").routeId("retail.purchase-saga")
                .saga().propagation(SagaPropagation.REQUIRES_NEW)
                .to("direct:retail.reserve-stock")
                .to("direct:retail.debit-wallet")
                .to("direct:retail.evaluate-points")
                .to("direct:retail.issue-points");

        from("direct:retail.reserve-stock").routeId("retail.reserve-stock")
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option("step", constant("reserve-stock"))
                    .option("purchaseId", header("purchaseId"))
                    .option("productId", header("productId"))
                    .option("quantity", header("quantity"))
                    .compensation("direct:retail.release-stock")
                    .completion("direct:retail.confirm-stock")
                .bean(PurchaseSteps.class, "reserveStock");
        from("direct:retail.release-stock").routeId("retail.release-stock")
                .bean(PurchaseSteps.class, "releaseStock");
        from("direct:retail.confirm-stock").routeId("retail.confirm-stock")
                .bean(PurchaseSteps.class, "confirmStock");

        from("direct:retail.debit-wallet").routeId("retail.debit-wallet")
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option("step", constant("debit-wallet"))
                    .option("purchaseId", header("purchaseId"))
                    .option("userId", header("userId"))
                    .option("total", header("total"))
                    .compensation("direct:retail.refund-wallet")
                    .completion("direct:retail.confirm-wallet")
                .bean(PurchaseSteps.class, "debitWallet");
        from("direct:retail.refund-wallet").routeId("retail.refund-wallet")
                .bean(PurchaseSteps.class, "refundWallet");
        from("direct:retail.confirm-wallet").routeId("retail.confirm-wallet")
                .bean(PurchaseSteps.class, "confirmWallet");

        // a read, not a participant: what the campaigns award for this purchase
        from("direct:retail.evaluate-points").routeId("retail.evaluate-points")
                .setBody(method(PointsAward.class, "purchaseEvent"))
                .to("direct:campaign.evaluate")
                .bean(PointsAward.class, "earned");

        from("direct:retail.issue-points").routeId("retail.issue-points")
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option("step", constant("issue-points"))
                    .option("purchaseId", header("purchaseId"))
                    .option("userId", header("userId"))
                    .option("points", header("points"))
                    .option("total", header("total"))
                    .compensation("direct:retail.revoke-points")
                    .completion("direct:retail.confirm-purchase")
                .setBody(method(PointsAward.class, "issueCommand"))
                .filter(body().isNotNull())
                    .enrich("direct:points.send-command", AggregationStrategies.useOriginal())
                .end();
        from("direct:retail.confirm-purchase").routeId("retail.confirm-purchase")
                .bean(PurchaseSteps.class, "confirmPurchase");
        from("direct:retail.revoke-points").routeId("retail.revoke-points")
                .setBody(method(PointsAward.class, "revokeCommand"))
                .filter(body().isNotNull())
                    .to("direct:points.send-command")
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
