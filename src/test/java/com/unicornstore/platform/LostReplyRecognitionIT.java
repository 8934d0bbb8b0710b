package com.unicornstore.platform;

import com.unicornstore.platform.domain.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.platform.idempotency.IdempotencyStore;
import com.unicornstore.platform.idempotency.IdempotencyStore.Outcome;
import com.unicornstore.points.domain.CommandContext;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.PointsEvent;
import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.retail.domain.Inventory;
import com.unicornstore.retail.domain.Purchase;
import com.unicornstore.retail.domain.PurchaseOrder;
import com.unicornstore.retail.domain.Purchases;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import com.unicornstore.support.Api;
import com.unicornstore.support.LossyDynamoExtension;
import com.unicornstore.support.LossyDynamoProxy;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each conditional write, when its first reply is lost and the SDK sends it again, finds its own
 * work (ReturnValuesOnConditionCheckFailure.ALL_OLD) and counts it as done; another writer's work
 * is still refused.
 */
@PlatformIntegrationTest
@ExtendWith(LossyDynamoExtension.class)
class LostReplyRecognitionIT {

    @LocalServerPort
    int port;

    @Autowired
    PointsLedger ledger;

    @Autowired
    IdempotencyStore idempotency;

    @Autowired
    Purchases purchases;

    @Autowired
    Inventory inventory;

    @Autowired
    SagaLog sagas;

    @Autowired
    PlacingPurchase placing;

    @Test
    void an_event_appended_twice_by_the_sdk_is_stored_once_and_not_taken_for_a_concurrent_append(LossyDynamoProxy proxy) {
        int lostBefore = proxy.droppedTotal();
        PointsAccount account = ledger.reload("recognised-events");
        List<PointsEvent> issued = account.process(new IssuePoints("recognised-events", 10, "recognised-1"),
                context("event-recognised-1"));

        proxy.loseNextReplyTo("event-recognised-1");
        PointsAccount after = ledger.append(account, issued);

        assertThat(proxy.droppedTotal() - lostBefore).as("replies lost").isEqualTo(1);
        assertThat(after.version()).isEqualTo(1);
        assertThat(ledger.events("recognised-events", 1, 10)).hasSize(1);
        List<PointsEvent> other = account.process(new IssuePoints("recognised-events", 10, "recognised-2"),
                context("event-recognised-2"));
        assertThatThrownBy(() -> ledger.append(account, other)).isInstanceOf(PointsLedger.ConcurrentAppend.class);
    }

    @Test
    void an_idempotency_claim_whose_reply_was_lost_is_its_own_claim_and_a_second_request_waits(LossyDynamoProxy proxy) {
        int lostBefore = proxy.droppedTotal();
        proxy.loseNextReplyTo("claim-recognised");
        IdempotencyStore.Claim first = idempotency.claim("claim-recognised", "request");

        assertThat(proxy.droppedTotal() - lostBefore).as("replies lost").isEqualTo(1);
        assertThat(first.outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(idempotency.claim("claim-recognised", "request").outcome()).isEqualTo(Outcome.IN_PROGRESS);
        idempotency.release("claim-recognised", "another claim's token");
        assertThat(idempotency.claim("claim-recognised", "request").outcome())
                .as("only the claim's own token releases it").isEqualTo(Outcome.IN_PROGRESS);
        idempotency.release("claim-recognised", first.token());
        assertThat(idempotency.claim("claim-recognised", "request").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void a_purchase_opened_with_a_lost_reply_is_this_request_s_new_purchase(LossyDynamoProxy proxy) {
        int lostBefore = proxy.droppedTotal();
        Purchase purchase = Purchase.pending("purchase-recognised", new PurchaseOrder("derick", "1", 1), Origin.SYSTEM, Instant.now());

        proxy.loseNextReplyTo("purchase-recognised");
        assertThat(purchases.addIfAbsent(purchase)).as("nothing there before this request").isEmpty();

        assertThat(proxy.droppedTotal() - lostBefore).as("replies lost").isEqualTo(1);
        assertThat(purchases.addIfAbsent(purchase)).as("a second request with the same id finds it").isPresent();
    }

    @Test
    void a_stock_hold_given_back_with_a_lost_reply_gives_back_once(LossyDynamoProxy proxy) {
        int lostBefore = proxy.droppedTotal();
        inventory.reserve("2", "hold-recognised", 2);
        long held = stockOf("2");

        proxy.loseNextReplyTo("hold-recognised");
        inventory.release("2", "hold-recognised", 2);

        assertThat(proxy.droppedTotal() - lostBefore).as("replies lost").isEqualTo(1);
        assertThat(stockOf("2")).isEqualTo(held + 2);
    }

    @Test
    void saga_writes_whose_replies_were_lost_are_recognised_as_their_own(LossyDynamoProxy proxy) {
        int lostBefore = proxy.droppedTotal();
        Instant lease = Instant.now().plus(Duration.ofMinutes(10)); // recovery leaves it alone
        SagaStep step = new SagaStep("direct:nowhere-compensation", null, Map.of("purchaseId", "p"));

        proxy.loseNextReplyTo("saga-recognised");
        assertThat(sagas.appendStep("saga-recognised", step, "instance-a", lease)).isTrue();
        assertThat(sagas.find("saga-recognised").orElseThrow().steps()).as("the step is recorded once").hasSize(1);

        proxy.loseNextReplyTo("saga-recognised");
        var compensating = sagas.transition("saga-recognised", EnumSet.of(SagaState.RUNNING), SagaState.COMPENSATING);
        assertThat(compensating).as("our own transition, its reply lost").isPresent();
        assertThat(compensating.get().state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(sagas.transition("saga-recognised", EnumSet.of(SagaState.RUNNING), SagaState.COMPENSATING))
                .as("another caller's move from RUNNING is refused").isEmpty();

        proxy.loseNextReplyTo("saga-recognised");
        Instant later = lease.plus(Duration.ofMinutes(1));
        assertThat(sagas.takeOver("saga-recognised", "instance-b", later.plus(Duration.ofMinutes(1)), later))
                .as("our own take-over, its reply lost").isPresent();
        assertThat(sagas.takeOver("saga-recognised", "instance-c", later.plus(Duration.ofMinutes(2)), later))
                .as("a second take-over within the new lease").isEmpty();
        assertThat(proxy.droppedTotal() - lostBefore).as("replies lost").isEqualTo(3);
    }

    @Test
    void a_purchase_whose_stock_write_stays_unanswered_is_a_503_naming_it_and_its_retry_finds_it(LossyDynamoProxy proxy) {
        Api api = new Api(port);
        long stock = stockOf("3");
        String purchaseId = placing.purchaseIdFor(Api.DEMO_CLIENT, "buy-unanswered");
        // every attempt of the reservation is made and unanswered: the SDK gives up, the outcome is unknown
        proxy.loseNextRepliesTo(3, purchaseId, "#c = #c - :a");

        Api.Response answer = buy(api, "buy-unanswered");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(answer.json().get("type").asText()).isEqualTo("https://unicorn.store/problems/outcome-unknown");
        assertThat(answer.json().get("purchase_id").asText()).isEqualTo(purchaseId);
        assertThat(answer.json().get("purchase_status").asText()).isEqualTo("COMPENSATED");
        assertThat(api.get("/purchase/" + purchaseId).json().get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(stockOf("3")).as("the reservation that did happen was given back").isEqualTo(stock);
        Api.Response retry = buy(api, "buy-unanswered");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("purchase_id").asText()).isEqualTo(purchaseId);
        assertThat(retry.json().get("purchase_status").asText()).isEqualTo("COMPENSATED");
    }

    @Test
    void a_purchase_whose_idempotency_claim_stays_unanswered_is_a_503_naming_the_purchase_it_makes(LossyDynamoProxy proxy) {
        Api api = new Api(port);
        String purchaseId = placing.purchaseIdFor(Api.DEMO_CLIENT, "claim-unanswered");
        // every attempt of the key's claim is made and unanswered: nothing is opened yet, the outcome is unknown
        proxy.loseNextRepliesTo(3, "claim-unanswered");

        Api.Response answer = buy(api, "claim-unanswered");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("type").asText()).isEqualTo("https://unicorn.store/problems/outcome-unknown");
        assertThat(answer.json().get("purchase_id").asText()).as("the id a retry with the key opens")
                .isEqualTo(purchaseId);
    }

    private static Api.Response buy(Api api, String key) {
        return api.send("POST", "/purchase", "{\"userId\":\"alice\",\"productId\":\"3\",\"quantity\":1}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    private long stockOf(String product) {
        return new Api(port).get("/products/" + product).json().get("stock").asLong();
    }

    private static CommandContext context(String eventId) {
        return new CommandContext(Instant.now(),
                new com.unicornstore.points.domain.BucketPolicy(Duration.ofDays(365), Duration.ofDays(1)), () -> eventId);
    }
}
