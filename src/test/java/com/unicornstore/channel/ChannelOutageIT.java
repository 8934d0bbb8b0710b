package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.unicornstore.channel.adapter.ChannelRoutesLoader;
import com.unicornstore.retail.application.PlacingPurchase;
import com.unicornstore.support.ChannelHarness;
import com.unicornstore.support.LocalBackendsExtension.Backends;
import com.unicornstore.support.PausedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The platform started from an empty {@code unicorn.home} (so every shipped channel route and campaign
 * file comes from the jar), with backend timeouts and a visibility timeout short enough that a
 * message fails and is delivered again within seconds (the time-window rules still hold). A
 * technical failure of the wallet step is injected (AdviceWith, tests only) for one shopper at a time.
 */
class ChannelOutageIT extends ChannelHarness {

    private static final Path HOME = emptyHome();
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shopper whose next wallet debit fails after it was made (then compensated); null: none. */
    private static final AtomicReference<String> FAIL_ONE_DEBIT_OF = new AtomicReference<>();

    @Autowired
    ChannelRoutesLoader channels;

    @DynamicPropertySource
    static void emptyHomeAndShortTimings(DynamicPropertyRegistry properties) {
        properties.add("unicorn.home", HOME::toString);
        properties.add("unicorn.aws.call-timeout", () -> "2s");
        properties.add("unicorn.aws.attempt-timeout", () -> "1s");
        // above the 3 calls of a command (6 s); a message refused by the outage is back 7 s later
        properties.add("points.commands.visibility-timeout", () -> "7");
        properties.add("unicorn.idempotency.lease", () -> "PT7S");
    }

    @Test
    void started_from_an_empty_home_folder_it_runs_the_routes_and_campaign_rules_the_jar_ships() throws IOException {
        awaitChannel("channel.partner-orders");

        try (var entries = Files.list(HOME)) {
            assertThat(entries.map(p -> p.getFileName().toString())).doesNotContain("routes", "campaign-rules");
        }
        assertThat(channels.failures()).isEmpty();
        assertThat(channels.loaded()).containsExactlyInAnyOrder("balance-webhook.camel.yaml",
                "marketplace-redemptions.camel.yaml", "partner-orders.camel.yaml", "points-file.camel.yaml",
                "webhook-orders.camel.yaml");
        JsonNode demoCampaign = api.get("/campaigns/1?client=UnicornStore").json();
        assertThat(demoCampaign.get("rules").get(0).get("action").get("formula").asText()).isEqualTo("$.amount/10");
    }

    @Test
    void orders_and_commands_sent_while_dynamodb_is_unreachable_are_applied_once_when_it_returns(Backends backends) {
        awaitChannel("channel.partner-orders");
        long stockBefore = api.get("/products/3").json().get("stock").asLong();
        String replies = ownQueue("outage-replies");
        List<String> orders = List.of("po-outage-1", "po-outage-2");
        List<Integer> amounts = List.of(10, 20, 30);

        try (PausedProcess moto = PausedProcess.pause(backends.moto().pid())) {
            orders.forEach(order -> send("unicorn.queues.partner-orders", "{\"order_id\":\"" + order
                    + "\",\"customer\":\"alice\",\"product\":\"3\",\"quantity\":1}", Map.of("ReplyTo", replies)));
            amounts.forEach(amount -> send("unicorn.queues.points-commands", "{\"type\":\"IssuePoints\","
                    + "\"account_id\":\"outage-member\",\"amount\":" + amount + ",\"command_id\":\"outage-" + amount
                    + "\"}", Map.of("ReplyTo", replies)));
            // both consumers took messages in and are failing on the frozen backend
            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight("unicorn.queues.partner-orders") > 0
                    && inFlight("unicorn.queues.points-commands") > 0);
            sleep(OUTAGE); // the length of the fault itself (refused, then delivered again), not a synchronisation
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(history("alice")).filteredOn(event -> event.path("channel").asText().equals("partner-orders"))
                    .as("the points of each order's purchase").hasSize(orders.size());
            assertThat(history("outage-member")).extracting(event -> event.get("amount").asInt())
                    .containsExactlyInAnyOrderElementsOf(amounts);
        });
        assertThat(api.get("/products/3").json().get("stock").asLong()).as("each order bought once")
                .isEqualTo(stockBefore - orders.size());
        assertThat(deadLetters("unicorn.queues.partner-orders")).as("no order parked").isEmpty();
        assertThat(deadLetters("unicorn.queues.points-commands")).as("no command parked").isEmpty();
        // the stream reader's lease ran out during the outage (failover 10 s): it is taken again by the next
        // lease taking (every two failovers), then the view catches up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get("/points?account_id=outage-member").json().get("balance").asLong()).isEqualTo(60));
    }

    @Test
    void an_order_whose_purchase_compensated_is_bought_once_when_delivered_again_and_a_later_duplicate_buys_nothing()
            throws Exception {
        awaitChannel("channel.partner-orders");
        failOneDebitOf("derick");
        long stockBefore = api.get("/products/4").json().get("stock").asLong();
        long walletBefore = api.get("/users/balance/derick").json().get("balance").asLong();
        String replies = ownQueue("compensated-replies");
        String order = "{\"order_id\":\"po-compensated\",\"customer\":\"derick\",\"product\":\"4\",\"quantity\":1}";

        send("unicorn.queues.partner-orders", order, Map.of("ReplyTo", replies));
        // the first delivery's purchase compensates and is not replied: the queue delivers the order again
        Message reply = receive(replies);
        JsonNode bought = JSON.readTree(reply.body());

        assertThat(FAIL_ONE_DEBIT_OF.get()).as("the injected failure struck; reply %s", reply.body()).isNull();
        assertThat(reply.messageAttributes().get("status").stringValue()).as(reply.body()).isEqualTo("201");
        assertThat(bought.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode attempts = purchasesOf("derick", "po-compensated");
        assertThat(attempts).extracting(p -> p.get("status").asText()).containsExactlyInAnyOrder("COMPLETED", "COMPENSATED");
        String compensated = attempts.findValues("purchase_id").stream().map(JsonNode::asText)
                .filter(id -> !id.equals(bought.get("purchase_id").asText())).findFirst().orElseThrow();
        assertThat(bought.get("purchase_id").asText()).as("the second attempt's own id")
                .isEqualTo(PlacingPurchase.attemptId(compensated, 1));
        assertThat(api.get("/products/4").json().get("stock").asLong()).isEqualTo(stockBefore - 1);
        assertThat(api.get("/users/balance/derick").json().get("balance").asLong()).isEqualTo(walletBefore - 1200);

        send("unicorn.queues.partner-orders", order, Map.of("ReplyTo", replies));
        JsonNode duplicate = JSON.readTree(receive(replies).body());

        assertThat(duplicate.get("purchase_id").asText()).isEqualTo(bought.get("purchase_id").asText());
        assertThat(purchasesOf("derick", "po-compensated")).hasSize(2);
        assertThat(api.get("/products/4").json().get("stock").asLong()).as("bought once").isEqualTo(stockBefore - 1);
        assertThat(api.get("/users/balance/derick").json().get("balance").asLong()).isEqualTo(walletBefore - 1200);
    }

    /** Makes the next wallet debit of {@code shopper} fail as a lost connection would, after the debit was made. */
    private void failOneDebitOf(String shopper) throws Exception {
        if (camel.getRoute("retail.debit-wallet").getProperties().get("faulty") == null) {
            AdviceWith.adviceWith(camel, "retail.debit-wallet", route -> route.weaveByToString(".*PurchaseSteps.*")
                    .after().process(ChannelOutageIT::maybeFailDebit));
            camel.getRoute("retail.debit-wallet").getProperties().put("faulty", true);
        }
        FAIL_ONE_DEBIT_OF.set(shopper);
    }

    private static void maybeFailDebit(Exchange exchange) {
        String target = FAIL_ONE_DEBIT_OF.get();
        // compareAndSet compares references: with the very string read, only one debit fails
        if (target != null && target.equals(exchange.getMessage().getHeader("userId", String.class))
                && FAIL_ONE_DEBIT_OF.compareAndSet(target, null)) {
            throw SdkClientException.create("injected: DynamoDB connection reset");
        }
    }

    /** A shopper's purchases made by one channel message, as GET /purchase/{id} shows them. */
    private JsonNode purchasesOf(String shopper, String messageId) {
        ArrayNode made = JSON.createArrayNode();
        api.get("/purchases?user_id=" + shopper + "&limit=100").json().get("items").forEach(purchase -> {
            if (messageId.equals(purchase.path("message_id").asText())) {
                made.add(purchase);
            }
        });
        return made;
    }

    private int inFlight(String queueSetting) {
        String url = sqs.getQueueUrl(b -> b.queueName(setting(queueSetting))).queueUrl();
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void sleep(Duration fault) {
        try {
            Thread.sleep(fault.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path emptyHome() {
        try {
            return Files.createTempDirectory("unicorn-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
