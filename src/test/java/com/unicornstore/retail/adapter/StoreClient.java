package com.unicornstore.retail.adapter;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.retail.domain.Wallet;
import com.unicornstore.support.Api;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the purchase tests do as a shopper would, over HTTP, plus seeding wallets of their own. */
abstract class StoreClient {

    @LocalServerPort
    int port;

    @Autowired
    ConditionalSeed seed;

    @Autowired
    AwsResourceNames names;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String shopper(String name, long balance) {
        seed.putIfAbsent(names.tables().wallets(), "username", WalletItems.toItem(new Wallet(name, balance)));
        return name;
    }

    /** A shopper with a wallet and a product of their own (its id is the shopper's name), so counts are theirs alone. */
    String shopperWithOwnProduct(String name, long price, long stock, long balance) {
        seed.putIfAbsent(names.tables().products(), "id", ProductItems.toItem(
                new Product(name, "Unicorn of " + name, "Bought by " + name, price, stock, "unicorn.svg")));
        return shopper(name, balance);
    }

    Api.Response buy(String user, String product, Object quantity) {
        return buy(user, product, quantity, Map.of());
    }

    Api.Response buy(String user, String product, Object quantity, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return api.send("POST", "/purchase",
                "{\"userId\":\"" + user + "\",\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}", all);
    }

    long stock(String product) {
        return api.get("/products/" + product).json().get("stock").asLong();
    }

    long wallet(String user) {
        return api.get("/users/balance/" + user).json().get("balance").asLong();
    }

    long points(String account) {
        return api.get("/points?account_id=" + account).json().get("balance").asLong();
    }

    /** How many revocations the account's history records. */
    long revocations(String account) {
        return api.get("/points/history?account_id=" + account).json().get("items").findValuesAsText("transaction_type")
                .stream().filter("revoke"::equals).count();
    }
}
