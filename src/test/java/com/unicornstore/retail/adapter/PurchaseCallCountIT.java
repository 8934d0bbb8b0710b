package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.retail.domain.Product;
import com.unicornstore.support.Api;
import com.unicornstore.support.BackgroundRoutes;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Round trips are the cost that matters: the AWS calls of one purchase, counted. */
@PlatformIntegrationTest
// a lease renewal (every lease/3) must not land in the middle of a counted purchase
@TestPropertySource(properties = {"unicorn.saga.lease=1h", "unicorn.retail.keep-release-markers=PT2H"})
class PurchaseCallCountIT extends StoreClient {

    @Autowired
    AwsCallCounter counter;

    @Autowired
    CamelContext camel;

    BackgroundRoutes background;

    @BeforeEach
    void quiet() throws Exception {
        seed.putIfAbsent(names.tables().products(), "id",
                ProductItems.toItem(new Product("counted", "Counted unicorn", "Bought to count calls", 200, 1000, "u.svg")));
        shopper("counter", 1_000_000);
        shopper("skint", 100);
        assertThat(buy("counter").status()).isEqualTo(201); // first use of each endpoint out of the way
        background = BackgroundRoutes.stop(camel);
    }

    @AfterEach
    void resume() throws Exception {
        background.resume();
    }

    /**
     * One purchase, synchronously: the purchase record and the saga's record, written before its
     * first step so that no lease renewal can miss it (PutItem x2), then per step one saga-log append
     * and the step's own write (UpdateItem x2 for stock, x2 for the wallet), the campaigns of the
     * client (Query), the IssuePoints command (SendMessage) and its saga-log append (UpdateItem);
     * then the completion: RUNNING->COMPLETING, the purchase recorded COMPLETED, the wallet and stock
     * holds confirmed, COMPLETING->COMPLETED (UpdateItem x5). 14 round trips, no reads: the claim's
     * reply (ALL_NEW) carries the steps the completions run. The points
     * ledger's handling of the command happens later, on the queue consumer, and is not counted here.
     */
    @Test
    void a_completed_purchase_costs_fourteen_round_trips_and_no_reads() {
        assertThat(callsOf(() -> assertThat(buy("counter").status()).isEqualTo(201))).isEqualTo(Map.of(
                "DynamoDb.PutItem", 2L, "DynamoDb.UpdateItem", 10L, "DynamoDb.Query", 1L, "Sqs.SendMessage", 1L));
    }

    /**
     * Refused for a short wallet: the purchase record and the saga's (PutItem x2), stock step (append, take), wallet step
     * (append, refused take), RUNNING->COMPENSATING, the wallet's give-back (nothing held: a refused
     * write, then the released marker), the stock's give-back, the purchase marked compensated by
     * its saga, COMPENSATING->COMPENSATED, and the purchase ended REJECTED (UpdateItem x11).
     */
    @Test
    void a_purchase_refused_for_a_short_wallet_costs_thirteen_round_trips() {
        assertThat(callsOf(() -> assertThat(buy("skint").status()).isEqualTo(409)))
                .isEqualTo(Map.of("DynamoDb.PutItem", 2L, "DynamoDb.UpdateItem", 11L));
    }

    private Api.Response buy(String shopper) {
        return buy(shopper, "counted", 1);
    }

    private Map<String, Long> callsOf(Runnable operation) {
        Map<String, Long> before = counter.snapshot();
        operation.run();
        return AwsCallCounter.difference(before, counter.snapshot());
    }
}
