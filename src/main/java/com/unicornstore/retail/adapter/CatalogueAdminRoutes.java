package com.unicornstore.retail.adapter;

import org.apache.camel.builder.RouteBuilder;

/** Operators' REST endpoints for the catalogue and the wallets (see {@link CatalogueAdmin}). */
public class CatalogueAdminRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/products").description("Catalogue changes (operators)")
                .post().id("retail.http-create-product").description("Creates a product; 409 product-exists")
                    .consumes("application/json").produces("application/json").to("direct:retail.create-product")
                .patch("/{id}").id("retail.http-edit-product").description("Changes name, description, image or price")
                    .consumes("application/json").produces("application/json").to("direct:retail.edit-product")
                .post("/{id}/restock").id("retail.http-restock-product").description("Adds a quantity to the stock")
                    .consumes("application/json").produces("application/json").to("direct:retail.restock-product");
        rest("/wallets").description("Wallet changes (operators)")
                .post("/{username}/adjust").id("retail.http-adjust-wallet")
                    .description("Adds an amount, or takes a negative one (409 insufficient-funds); opens a wallet when funding")
                    .consumes("application/json").produces("application/json").to("direct:retail.adjust-wallet");

        from("direct:retail.create-product").routeId("retail.create-product")
                .bean("catalogueAdmin", "createProduct")
                .bean("jsonResponses", "created");
        from("direct:retail.edit-product").routeId("retail.edit-product")
                .bean("catalogueAdmin", "editProduct")
                .bean("jsonResponses", "ok");
        from("direct:retail.restock-product").routeId("retail.restock-product")
                .bean("catalogueAdmin", "restock")
                .bean("jsonResponses", "ok");
        from("direct:retail.adjust-wallet").routeId("retail.adjust-wallet")
                .bean("catalogueAdmin", "adjustWallet")
                .bean("jsonResponses", "ok");
    }
}
