package com.unicornstore.retail.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.platform.provisioning.DemoData;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.retail.domain.Wallet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the demo catalog and wallets of DESIGN.md from {@code demo/retail.json}, never overwriting existing items. */
public final class RetailDemoData implements DemoData {

    private final ConditionalSeed seed;
    private final ObjectMapper json;
    private final String productsTable;
    private final String walletsTable;

    public RetailDemoData(ConditionalSeed seed, ObjectMapper json, String productsTable, String walletsTable) {
        this.seed = seed;
        this.json = json;
        this.productsTable = productsTable;
        this.walletsTable = walletsTable;
    }

    record Catalog(List<Product> products, List<Wallet> wallets) {}

    @Override
    public void load() {
        try (InputStream in = RetailDemoData.class.getResourceAsStream("/demo/retail.json")) {
            Catalog catalog = json.readValue(in, Catalog.class);
            catalog.products().forEach(p -> seed.putIfAbsent(productsTable, "id", ProductItems.toItem(p)));
            catalog.wallets().forEach(w -> seed.putIfAbsent(walletsTable, "username", WalletItems.toItem(w)));
        } catch (IOException e) {
            throw new UncheckedIOException("demo/retail.json is unreadable", e);
        }
    }
}
