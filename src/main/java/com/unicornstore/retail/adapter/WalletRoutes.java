package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.ddb.Ddb2Constants;
import org.apache.camel.component.aws2.ddb.Ddb2Operations;

/** Reads shoppers' wallets from DynamoDB through camel-aws2-ddb. */
public class WalletRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:retail.get-wallet").routeId("retail.get-wallet")
                .setHeader(Ddb2Constants.KEY, method(WalletItems.class, "key"))
                .setHeader(Ddb2Constants.OPERATION, constant(Ddb2Operations.GetItem))
                .to("aws2-ddb:{{unicorn.tables.wallets}}?enabledInitialDescribeTable=false")
                .bean(WalletItems.class, "fromItem")
                .bean("jsonResponses", "ok");
    }
}
