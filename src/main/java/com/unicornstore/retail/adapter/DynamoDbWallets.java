package com.unicornstore.retail.adapter;

import com.unicornstore.retail.domain.RetailRejections;
import com.unicornstore.retail.domain.Wallets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wallets in the wallets table: one conditional write per debit, never below zero. */
public final class DynamoDbWallets implements Wallets {

    private final PurchaseHolds holds;

    public DynamoDbWallets(DynamoDbClient dynamo, String walletsTable, Duration keepReleased, Clock clock) {
        this.holds = new PurchaseHolds(dynamo, walletsTable, "username", "balance", keepReleased, clock);
    }

    @Override
    public void debit(String username, String purchaseId, long amount) {
        PurchaseHolds.Taken taken = holds.take(username, purchaseId, amount);
        if (taken instanceof PurchaseHolds.Taken.Short shortfall) {
            throw RetailRejections.insufficientFunds(username, shortfall.available(), amount);
        }
        if (taken instanceof PurchaseHolds.Taken.Missing) {
            throw RetailRejections.unknownWallet(username);
        }
        if (taken instanceof PurchaseHolds.Taken.Released) {
            throw new IllegalStateException("Purchase " + purchaseId + " was already compensated; its wallet cannot be debited");
        }
    }

    @Override
    public void refund(String username, String purchaseId, long amount) {
        holds.giveBack(username, purchaseId, amount);
    }

    @Override
    public void confirm(String username, String purchaseId) {
        holds.confirm(username, purchaseId);
    }

    @Override
    public void credit(String username, String purchaseId, long amount) {
        holds.giveBackCompleted(username, purchaseId, amount);
    }
}
