package com.unicornstore.retail.adapter;

import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.n;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.retail.domain.RetailRejections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.aws2.ddb.Ddb2Constants;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps products to and from their DynamoDB items (table {@code unicorn.tables.products}, key {@code id}). */
public final class ProductItems {

    /** Orders "2" before "10": ids are usually numbers, but need not be. */
    private static final Comparator<Product> BY_ID = Comparator
            .comparing((Product p) -> p.id().length()).thenComparing(Product::id);

    public Map<String, AttributeValue> key(@Header("id") String id) {
        return Map.of("id", s(Identifiers.require("id", id)));
    }

    public Product fromItem(@Header(Ddb2Constants.ATTRIBUTES) Map<String, AttributeValue> item, @Header("id") String id) {
        if (item == null || item.isEmpty()) {
            throw RetailRejections.unknownProduct(id);
        }
        return toProduct(item);
    }

    /** Exchange property: whether the catalog Scan has another page to read. */
    public static final String MORE_PAGES = "unicorn.catalog.more";
    private static final String CATALOG = "unicorn.catalog";

    public void startCatalog(Exchange exchange) {
        exchange.setProperty(CATALOG, new ArrayList<Product>());
        exchange.setProperty(MORE_PAGES, true);
    }

    /** Keeps one Scan page and asks for the next one when DynamoDB says there is more. */
    @SuppressWarnings("unchecked")
    public void collectPage(@Header(Ddb2Constants.ITEMS) List<Map<String, AttributeValue>> items,
            @Header(Ddb2Constants.LAST_EVALUATED_KEY) Map<String, AttributeValue> lastKey, Exchange exchange) {
        List<Product> catalog = exchange.getProperty(CATALOG, List.class);
        items.forEach(item -> catalog.add(toProduct(item)));
        boolean more = lastKey != null && !lastKey.isEmpty();
        exchange.setProperty(MORE_PAGES, more);
        exchange.getMessage().setHeader(Ddb2Constants.START_KEY, more ? lastKey : null);
    }

    @SuppressWarnings("unchecked")
    public List<Product> catalog(Exchange exchange) {
        List<Product> catalog = exchange.getProperty(CATALOG, List.class);
        return catalog.stream().sorted(BY_ID).toList();
    }

    public static Map<String, AttributeValue> toItem(Product product) {
        return Map.of(
                "id", s(product.id()),
                "name", s(product.name()),
                "description", s(product.description()),
                "price", n(product.price()),
                "stock", n(product.stock()),
                "image", s(product.image()),
                "holds", AttributeValue.fromM(Map.of()),
                "released", AttributeValue.fromM(Map.of()));
    }

    static Product toProduct(Map<String, AttributeValue> item) {
        return new Product(item.get("id").s(), item.get("name").s(), item.get("description").s(),
                Long.parseLong(item.get("price").n()), Long.parseLong(item.get("stock").n()), item.get("image").s());
    }

}
