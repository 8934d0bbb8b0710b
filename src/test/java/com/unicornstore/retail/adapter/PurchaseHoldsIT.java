package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Wallets;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Saga participants' actions and compensations against DynamoDB: retried, reordered, repeated. */
@PlatformIntegrationTest
class PurchaseHoldsIT extends StoreClient {

    @Autowired
    Inventory inventory;

    @Autowired
    Wallets wallets;

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void a_reservation_retried_takes_stock_once_and_a_release_retried_gives_it_back_once() {
        long before = stock("3");

        assertThat(inventory.reserve("3", "p-retried", 2)).isEqualTo(900);
        assertThat(inventory.reserve("3", "p-retried", 2)).isEqualTo(900);
        assertThat(stock("3")).isEqualTo(before - 2);

        inventory.release("3", "p-retried", 2);
        inventory.release("3", "p-retried", 2);
        assertThat(stock("3")).isEqualTo(before);
    }

    @Test
    void a_release_that_overtakes_its_reservation_makes_the_reservation_impossible() {
        long before = stock("3");

        inventory.release("3", "p-overtaken", 2);

        assertThatThrownBy(() -> inventory.reserve("3", "p-overtaken", 2)).isInstanceOf(IllegalStateException.class);
        assertThat(stock("3")).isEqualTo(before);
    }

    @Test
    void a_refund_that_overtakes_its_debit_blocks_it_and_nothing_moves() {
        String user = shopper("overtaken", 1000);

        wallets.refund(user, "p-late-debit", 700);

        assertThatThrownBy(() -> wallets.debit(user, "p-late-debit", 700)).isInstanceOf(IllegalStateException.class);
        assertThat(wallet(user)).isEqualTo(1000);
    }

    @Test
    void a_debit_never_takes_a_wallet_below_zero_and_a_confirmed_one_is_credited_back_once_on_refund() {
        String user = shopper("careful", 1000);

        assertThatThrownBy(() -> wallets.debit(user, "p-too-much", 1001)).isInstanceOf(Rejection.class);
        wallets.debit(user, "p-ok", 600);
        wallets.confirm(user, "p-ok");
        wallets.credit(user, "p-ok", 600);
        wallets.credit(user, "p-ok", 600);

        assertThat(wallet(user)).isEqualTo(1000);
    }

    @Test
    void releasing_for_an_unknown_product_changes_nothing_and_creates_no_item() {
        inventory.release("no-such-unicorn", "p-ghost", 1);

        assertThat(api.get("/products/no-such-unicorn").status()).isEqualTo(404);
    }

    @Test
    void release_markers_past_their_keeping_time_are_pruned_by_the_next_reservation() {
        inventory.release("4", "p-long-ago", 1);
        assertThat(releaseMarkers("4")).containsKey("p-long-ago");
        Inventory aWeekLater = new DynamoDbInventory(dynamo, names.tables().products(), Duration.ofDays(7),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));

        aWeekLater.reserve("4", "p-today", 1);

        assertThat(releaseMarkers("4")).doesNotContainKey("p-long-ago");
        inventory.release("4", "p-today", 1);
    }

    private Map<String, AttributeValue> releaseMarkers(String product) {
        return dynamo.getItem(b -> b.tableName(names.tables().products())
                .key(Map.of("id", AttributeValue.fromS(product))).consistentRead(true)).item().get("released").m();
    }

    @Test
    void a_sold_out_product_does_not_collect_release_markers_without_end() {
        Inventory anHourLater = new DynamoDbInventory(dynamo, names.tables().products(), Duration.ofHours(1),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        inventory.release("2", "p-refused-long-ago", 1);

        anHourLater.release("2", "p-refused-now", 1);

        assertThat(releaseMarkers("2")).containsKey("p-refused-now").doesNotContainKey("p-refused-long-ago");
    }
}
