package com.unicornstore.retail.adapter;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;

/**
 * The purchase saga: reserve stock, debit the wallet, issue the points the campaigns award (a
 * command on the points queue), each a participant route with its own compensation; the durable
 * saga service drives compensations and completions, retries them, and recovers them after a crash.
 * The saga's options carry the order to compensations, which may run on another instance.
 */
public class PurchaseSagaRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:retail.purchase-saga").routeId("retail.purchase-saga")
                .saga().propagation(SagaPropagation.REQUIRES_NEW)
                .to("direct:retail.reserve-stock")
                .to("direct:retail.debit-wallet")
                .to("direct:retail.evaluate-points")
                .to("direct:retail.issue-points");

        stockStep();
        walletStep();
        pointsStep();
    }

    private void stockStep() {
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
    }

    private void walletStep() {
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
    }

    private void pointsStep() {
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
    }
}
