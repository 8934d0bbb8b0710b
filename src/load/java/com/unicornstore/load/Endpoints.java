package com.unicornstore.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The platform's API as the load scenarios call it: one builder per request, each with the checks
 * every answer must pass (status and the fields that prove it is the right answer). Session
 * attributes: {@code account}, {@code shopper}, {@code product}, {@code price}.
 */
final class Endpoints {

    private Endpoints() {}

    /** JSON both ways, the load client's API key on every request, one connection pool shared by all users (as a partner system's client). */
    static HttpProtocolBuilder protocol(String baseUrl, String apiKey) {
        return http.baseUrl(baseUrl).acceptHeader("application/json").contentTypeHeader("application/json")
                .header("X-Api-Key", apiKey).shareConnections();
    }

    /** GET /points: the account's balance, saved as {@code balance}. */
    static HttpRequestActionBuilder balance(String name) {
        return http(name).get("/points").queryParam("account_id", "#{account}")
                .check(status().is(200), jmesPath("account_id").isEL("#{account}"),
                        jmesPath("balance").ofInt().gte(0).saveAs("balance"));
    }

    static HttpRequestActionBuilder issue(int amount) {
        return http("issue " + amount).post("/points")
                .body(StringBody("{\"account_id\":\"#{account}\",\"amount\":" + amount + "}"))
                .check(status().is(201), jmesPath("transaction_type").is("issue"),
                        jmesPath("account_id").isEL("#{account}"), jmesPath("amount").ofInt().is(amount));
    }

    static HttpRequestActionBuilder redeem(int amount) {
        return http("redeem " + amount).delete("/points")
                .body(StringBody("{\"account_id\":\"#{account}\",\"amount\":" + amount + "}"))
                .check(status().is(200), jmesPath("transaction_type").is("redeem"),
                        jmesPath("account_id").isEL("#{account}"), jmesPath("amount").ofInt().is(amount));
    }

    /** GET /points/history, the first page (newest first). */
    static HttpRequestActionBuilder history() {
        return http("points history").get("/points/history").queryParam("account_id", "#{account}")
                .queryParam("limit", 20).check(status().is(200), jmesPath("items").exists());
    }

    static HttpRequestActionBuilder catalogue() {
        return http("catalogue").get("/products")
                .check(status().is(200), jmesPath("length(@)").ofInt().gt(0));
    }

    static HttpRequestActionBuilder product() {
        return http("product").get("/products/#{product}")
                .check(status().is(200), jmesPath("id").isEL("#{product}"), jmesPath("stock").ofInt().gte(0));
    }

    /** GET /users/balance/{shopper}: the wallet, never negative. */
    static HttpRequestActionBuilder wallet(String name) {
        return http(name).get("/users/balance/#{shopper}")
                .check(status().is(200), jmesPath("username").isEL("#{shopper}"), jmesPath("balance").ofLong().gte(0L));
    }

    /** POST /purchase of one {@code product}: 201 COMPLETED at its price; saves {@code purchase_id} and {@code points}. */
    static HttpRequestActionBuilder purchase() {
        return http("purchase").post("/purchase")
                .body(StringBody("{\"userId\":\"#{shopper}\",\"productId\":\"#{product}\",\"quantity\":1}"))
                .check(status().is(201), jmesPath("status").is("COMPLETED"), jmesPath("userId").isEL("#{shopper}"),
                        jmesPath("total").ofLong().is(session -> session.getLong("price")), jmesPath("purchase_id").saveAs("purchase_id"),
                        jmesPath("points").ofLong().gte(0L).saveAs("points"));
    }

    /** Operators: POST /products with {@code stock} units at {@code price}. */
    static HttpRequestActionBuilder createProduct(long stock) {
        return http("seed product").post("/products")
                .body(StringBody("{\"id\":\"#{product}\",\"name\":\"Load unicorn #{product}\",\"description\":\"for load tests\","
                        + "\"price\":#{price},\"stock\":" + stock + ",\"image\":\"/images/unicorns/unicorn-air.svg\"}"))
                .check(status().is(201), jmesPath("stock").ofLong().is(stock));
    }

    /** Operators: POST /wallets/{shopper}/adjust, opening a new wallet with {@code amount}. */
    static HttpRequestActionBuilder fundWallet(long amount) {
        return http("seed wallet").post("/wallets/#{shopper}/adjust").body(StringBody("{\"amount\":" + amount + "}"))
                .check(status().is(200), jmesPath("balance").ofLong().is(amount));
    }
}
