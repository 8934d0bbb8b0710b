package com.unicornstore.retail.application;

import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseStatus;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.retail.domain.SagaIds;
import com.unicornstore.retail.domain.Wallets;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ends the purchases whose saga never began (their instance died between opening the purchase and
 * the saga's first record): once past its deadline, such a purchase's saga id is closed in the saga
 * log, so the saga can no longer begin; its stock and wallet are given back (release markers then
 * refuse any late action), and it ends COMPENSATED. So does one whose saga ended with no step
 * recorded. A purchase whose saga has steps is left to saga recovery and looked at again later.
 */
public final class RecoveringPendingPurchases {

    /** The reason a purchase recovered here carries. */
    public static final String NEVER_BEGUN = "saga-never-began";

    private final Purchases purchases;
    private final Inventory inventory;
    private final Wallets wallets;
    private final SagaLog sagas;
    private final Clock clock;
    private final Duration recheckAfter;
    private final int batch;

    public RecoveringPendingPurchases(Purchases purchases, Inventory inventory, Wallets wallets, SagaLog sagas,
            Clock clock, Duration recheckAfter, int batch) {
        this.purchases = purchases;
        this.inventory = inventory;
        this.wallets = wallets;
        this.sagas = sagas;
        this.clock = clock;
        this.recheckAfter = recheckAfter;
        this.batch = batch;
    }

    /** One round: returns how many purchases it ended. */
    public int recover() {
        Instant now = clock.instant();
        int ended = 0;
        for (Purchase purchase : purchases.pendingPastDeadline(now, batch)) {
            String sagaId = SagaIds.purchase(purchase.id());
            if (sagas.closeIfNeverBegun(sagaId, now) || endedWithoutSteps(sagaId)) {
                inventory.release(purchase.order().productId(), purchase.id(), purchase.order().quantity());
                wallets.refund(purchase.order().userId(), purchase.id(), purchase.total());
                purchases.end(purchase.id(), PurchaseStatus.COMPENSATED, 0, 0, NEVER_BEGUN, sagaId);
                ended++;
            } else {
                // its saga's own compensation or completion ends it: do not look at it every round
                purchases.recheckPendingAt(purchase.id(), now.plus(recheckAfter));
            }
        }
        return ended;
    }

    private boolean endedWithoutSteps(String sagaId) {
        return sagas.find(sagaId).filter(saga -> saga.steps().isEmpty())
                .map(SagaRecord::state).filter(state -> state == SagaState.COMPENSATED).isPresent();
    }
}
