package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.ddb.Ddb2Constants;
import org.apache.camel.component.aws2.ddb.Ddb2Operations;

/** Reads the product catalog from DynamoDB through camel-aws2-ddb. */
public class ProductRoutes extends RouteBuilder {

    static final String PRODUCTS = "aws2-ddb:{{unicorn.tables.products}}?enabledInitialDescribeTable=false";

    @Override
    public void configure() {
        // the whole catalog, page by page: a Scan answers at most a page (1 MB, or the configured size)
        from("direct:retail.list-products").routeId("retail.list-products")
                .setHeader(Ddb2Constants.OPERATION, constant(Ddb2Operations.Scan))
                .setHeader(Ddb2Constants.LIMIT, simple("{{unicorn.retail.catalog-page-size}}", Integer.class))
                .bean(ProductItems.class, "startCatalog")
                .loopDoWhile(exchangeProperty(ProductItems.MORE_PAGES))
                    .to(PRODUCTS)
                    .bean(ProductItems.class, "collectPage")
                .end()
                .bean(ProductItems.class, "catalog")
                .bean("jsonResponses", "ok");

        from("direct:retail.get-product").routeId("retail.get-product")
                .setHeader(Ddb2Constants.KEY, method(ProductItems.class, "key"))
                .setHeader(Ddb2Constants.OPERATION, constant(Ddb2Operations.GetItem))
                .to(PRODUCTS)
                .bean(ProductItems.class, "fromItem")
                .bean("jsonResponses", "ok");
    }
}
