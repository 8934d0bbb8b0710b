package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;

import com.unicornstore.platform.aws.OwnWrites;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.platform.web.JsonFields;
import com.unicornstore.retail.domain.Product;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Operators' changes to the catalogue and the wallets: create and edit products, restock, fund or
 * adjust a wallet. Each is one conditional UpdateItem that touches only its own attributes (a
 * purchase's holds in the same item stay as they are) and records who made it ({@code changed_by},
 * {@code changed_at}) and its identity ({@code change_id}): an SDK retry of an increment whose
 * reply was lost finds its own change and adds nothing twice.
 */
public final class CatalogueAdmin {

    public static final long MAX_PRICE = 100_000_000;
    public static final long MAX_STOCK_CHANGE = 1_000_000;
    public static final long MAX_MONEY_CHANGE = 100_000_000;
    public static final int MAX_TEXT = 500;
    private static final Logger AUDIT = LoggerFactory.getLogger("unicorn.audit");

    private final DynamoDbClient dynamo;
    private final String products;
    private final String wallets;
    private final JsonBodies bodies;
    private final Clock clock;

    public CatalogueAdmin(DynamoDbClient dynamo, String products, String wallets, JsonBodies bodies, Clock clock) {
        this.dynamo = dynamo;
        this.products = products;
        this.wallets = wallets;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** POST /products: 201 with the product; 409 product-exists. */
    public Map<String, Object> createProduct(Exchange exchange) {
        JsonFields fields = JsonFields.of(bodies.readObject(exchange));
        String id = fields.identifier("id");
        String name = fields.text("name", MAX_TEXT);
        String description = fields.text("description", MAX_TEXT);
        String image = fields.text("image", MAX_TEXT);
        long price = fields.integer("price", 0, MAX_PRICE);
        long stock = fields.integer("stock", 0, MAX_STOCK_CHANGE);
        fields.orReject();
        Change change = new Change(exchange);
        Map<String, AttributeValue> values = change.opening();
        values.putAll(Map.of(":name", s(name), ":description", s(description), ":image", s(image),
                ":price", n(price), ":stock", n(stock)));
        Map<String, AttributeValue> item = write(products, Map.of("id", s(id)), change,
                "SET #name = :name, description = :description, image = :image, price = :price, stock = :stock, "
                        + Change.OPENS + ", " + Change.SET, "attribute_not_exists(id)", values)
                .orElseThrow(() -> new Rejection(Rejection.Kind.CONFLICT, "product-exists",
                        "A product with id '" + id + "' exists already."));
        change.audit("created product", id);
        return product(item);
    }

    /** PATCH /products/{id}: any of name, description, image, price; 404 product-not-found. */
    public Map<String, Object> editProduct(@Header("id") String id, Exchange exchange) {
        Identifiers.require("id", id);
        var body = bodies.readObject(exchange);
        JsonFields fields = JsonFields.of(body);
        Change change = new Change(exchange);
        Map<String, AttributeValue> values = change.values();
        StringBuilder update = new StringBuilder("SET ");
        for (String text : new String[] {"name", "description", "image"}) {
            String value = body.has(text) ? fields.text(text, MAX_TEXT) : null;
            if (value != null) {
                values.put(":" + text, s(value));
                update.append(text.equals("name") ? "#name" : text).append(" = :").append(text).append(", ");
            }
        }
        if (body.has("price")) {
            values.put(":price", n(fields.integer("price", 0, MAX_PRICE)));
            update.append("price = :price, ");
        }
        fields.orReject();
        if (values.size() == Change.VALUES) {
            throw Rejection.invalid("body", "names nothing to change: name, description, image or price");
        }
        Map<String, AttributeValue> item = write(products, Map.of("id", s(id)), change, update + Change.SET,
                "attribute_exists(id)", values).orElseThrow(() -> productNotFound(id));
        change.audit("edited product", id);
        return product(item);
    }

    /** POST /products/{id}/restock {"quantity"}: adds to the stock. */
    public Map<String, Object> restock(@Header("id") String id, Exchange exchange) {
        Identifiers.require("id", id);
        JsonFields fields = JsonFields.of(bodies.readObject(exchange));
        long quantity = fields.integer("quantity", 1, MAX_STOCK_CHANGE);
        fields.orReject();
        Change change = new Change(exchange);
        Map<String, AttributeValue> values = change.values();
        values.put(":quantity", n(quantity));
        Map<String, AttributeValue> item = write(products, Map.of("id", s(id)), change,
                "ADD stock :quantity SET " + Change.SET, "attribute_exists(id) AND " + Change.NOT_REPEATED, values)
                .orElseThrow(() -> productNotFound(id));
        change.audit("restocked " + quantity + " of product", id);
        return product(item);
    }

    /**
     * POST /wallets/{username}/adjust {"amount"}: adds a positive amount (funding; a wallet that does
     * not exist yet is opened) or takes a negative one; 409 insufficient-funds below zero.
     */
    public Map<String, Object> adjustWallet(@Header("username") String username, Exchange exchange) {
        Identifiers.require("username", username);
        JsonFields fields = JsonFields.of(bodies.readObject(exchange));
        long amount = fields.integer("amount", -MAX_MONEY_CHANGE, MAX_MONEY_CHANGE);
        fields.orReject();
        if (amount == 0) {
            throw Rejection.invalid("amount", "must not be 0");
        }
        Change change = new Change(exchange);
        Map<String, AttributeValue> values = change.opening();
        values.put(":amount", n(amount));
        String condition = Change.NOT_REPEATED;
        if (amount < 0) {
            values.put(":needed", n(-amount));
            condition = "balance >= :needed AND " + condition;
        }
        Map<String, AttributeValue> item = write(wallets, Map.of("username", s(username)), change,
                "ADD balance :amount SET " + Change.OPENS + ", " + Change.SET, condition, values)
                .orElseThrow(() -> new Rejection(Rejection.Kind.CONFLICT, "insufficient-funds",
                        "Wallet '" + username + "' holds less than " + (-amount) + " (or does not exist)."));
        change.audit("adjusted wallet by " + amount, username);
        Map<String, Object> wallet = new LinkedHashMap<>();
        wallet.put("username", username);
        wallet.put("balance", Long.parseLong(item.get("balance").n()));
        wallet.put("changed_by", item.get("changed_by").s());
        return wallet;
    }

    private java.util.Optional<Map<String, AttributeValue>> write(String table, Map<String, AttributeValue> key,
            Change change, String update, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = update.contains("#name") ? Map.of("#name", "name") : null;
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(update).conditionExpression(condition).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW);
        if (names != null) {
            request.expressionAttributeNames(names);
        }
        return OwnWrites.update(dynamo, request.build(), OwnWrites.carries("change_id", change.id));
    }

    private static Rejection productNotFound(String id) {
        return Rejection.notFound("product-not-found", "No product with id '" + id + "'.");
    }

    private static Map<String, Object> product(Map<String, AttributeValue> item) {
        Product product = ProductItems.toProduct(item);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", product.id());
        body.put("name", product.name());
        body.put("description", product.description());
        body.put("price", product.price());
        body.put("stock", product.stock());
        body.put("image", product.image());
        body.put("changed_by", item.get("changed_by").s());
        body.put("changed_at", item.get("changed_at").s());
        return body;
    }

    /** One operator change: its identity, who made it and when. */
    private final class Change {
        static final String SET = "changed_by = :by, changed_at = :at, change_id = :change";
        /** What a purchase's holds need in a product or wallet item, kept when it exists. */
        static final String OPENS = "holds = if_not_exists(holds, :empty), released = if_not_exists(released, :empty)";
        static final String NOT_REPEATED = "(attribute_not_exists(change_id) OR change_id <> :change)";
        static final int VALUES = 3;

        final String id = UUID.randomUUID().toString();
        final String principal;

        Change(Exchange exchange) {
            this.principal = Callers.principal(exchange);
        }

        Map<String, AttributeValue> values() {
            return new HashMap<>(Map.of(":by", s(principal), ":at", s(clock.instant().toString()), ":change", s(id)));
        }

        /** The values of a change that may open the item ({@link #OPENS}). */
        Map<String, AttributeValue> opening() {
            Map<String, AttributeValue> values = values();
            values.put(":empty", AttributeValue.fromM(Map.of()));
            return values;
        }

        void audit(String what, String subject) {
            AUDIT.info("{} {} {} (change {})", principal, what, subject, id);
        }
    }
}
