package com.unicornstore.retail.adapter;

import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.RetailRejections;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Stock in the products table: one conditional write per reservation. */
public final class DynamoDbInventory implements Inventory {

    private final PurchaseHolds holds;

    public DynamoDbInventory(DynamoDbClient dynamo, String productsTable, Duration keepReleased, Clock clock) {
        this.holds = new PurchaseHolds(dynamo, productsTable, "id", "stock", keepReleased, clock);
    }

    @Override
    public long reserve(String productId, String purchaseId, int quantity) {
        PurchaseHolds.Taken taken = holds.take(productId, purchaseId, quantity);
        if (taken instanceof PurchaseHolds.Taken.Held held) {
            return Long.parseLong(held.item().get("price").n());
        }
        if (taken instanceof PurchaseHolds.Taken.Short shortfall) {
            throw RetailRejections.insufficientStock(productId, shortfall.available(), quantity);
        }
        if (taken instanceof PurchaseHolds.Taken.Missing) {
            throw RetailRejections.unknownProduct(productId);
        }
        throw new IllegalStateException("Purchase " + purchaseId + " was already compensated; no stock is reserved for it");
    }

    @Override
    public void release(String productId, String purchaseId, int quantity) {
        holds.giveBack(productId, purchaseId, quantity);
    }

    @Override
    public void confirm(String productId, String purchaseId) {
        holds.confirm(productId, purchaseId);
    }

    @Override
    public void restock(String productId, String purchaseId, int quantity) {
        holds.giveBackCompleted(productId, purchaseId, quantity);
    }
}
