package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.channel.adapter.ChannelMessages;
import com.unicornstore.platform.aws.SqsLongPolling;
import com.unicornstore.platform.web.ProblemMapper;
import com.unicornstore.support.Api;
import com.unicornstore.support.ChannelHarness;
import com.unicornstore.support.ChannelSchemas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * routes/partner-orders.camel.yaml on the harness: orders from SQS run the purchase saga, outcomes are
 * replied. Beside it (on the same running platform), the body schemas of docs/schemas/ against the
 * validation the entry points every channel calls really do.
 */
@TestPropertySource(properties = "unicorn.channel.only=partner-orders")
class PartnerOrdersChannelIT extends ChannelHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "unicorn.queues.partner-orders";
    /** Each entry point with the schema of the body it takes (docs/integrators.md, section 1). */
    private static final Map<String, String> ENTRY_POINTS = Map.of(
            "direct:channel.purchase", "purchase",
            "direct:channel.points-issue", "points-issue",
            "direct:channel.points-redeem", "points-issue",
            "direct:channel.points-balance", "points-balance");

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ProblemMapper problems;

    @Autowired
    SqsLongPolling longPolling;

    @BeforeEach
    void channelRuns() {
        awaitChannel("channel.partner-orders");
    }

    /**
     * The file says nothing of polls: its consumer was prepared as its route was added, before it
     * started (so its route never had to be stopped and started again), and it long-polls on the
     * consumers' client, taking up to 10 messages a receive, one receive after another.
     */
    @Test
    void the_channel_consumer_long_polls_on_the_consumers_client_in_batches() {
        Route route = camel.getRoute("channel.partner-orders");
        Sqs2Endpoint endpoint = (Sqs2Endpoint) route.getEndpoint();
        assertThat(endpoint.getClient()).isSameAs(longPolling.client());
        assertThat(endpoint.getConfiguration().getAmazonSQSClient()).isSameAs(longPolling.client());
        assertThat(endpoint.getConfiguration().getWaitTimeSeconds()).isEqualTo(longPolling.waitSeconds()).isPositive();
        ScheduledBatchPollingConsumer consumer = (ScheduledBatchPollingConsumer) route.getConsumer();
        assertThat(consumer.getMaxMessagesPerPoll()).isEqualTo(10);
        assertThat(consumer.isGreedy()).isTrue();
        assertThat(consumer.getExceptionHandler()).isInstanceOf(SqsLongPolling.AbortedReceivesQuiet.class);
        // the platform's own queue consumer, adopted before its consumer was made, has it from its endpoint
        assertThat(((ScheduledBatchPollingConsumer) camel.getRoute("points.consume-commands").getConsumer())
                .getExceptionHandler()).isInstanceOf(SqsLongPolling.AbortedReceivesQuiet.class);
    }

    @Test
    void an_order_completes_a_purchase_and_its_outcome_arrives_on_the_reply_queue() throws Exception {
        String replies = ownQueue("partner-a-replies");

        send(QUEUE, "{\"order_id\":\"po-1\",\"customer\":\"alice\",\"product\":\"1\",\"quantity\":1}",
                Map.of("ReplyTo", replies));

        Message reply = receive(replies);
        JsonNode purchase = JSON.readTree(reply.body());
        assertThat(reply.messageAttributes().get("status").stringValue()).isEqualTo("201");
        assertThat(reply.messageAttributes().get("message_id").stringValue()).isEqualTo("po-1");
        assertThat(purchase.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(purchase.get("userId").asText()).isEqualTo("alice");
        JsonNode stored = api.get("/purchase/" + purchase.get("purchase_id").asText()).json();
        assertThat(stored.get("channel").asText()).isEqualTo("partner-orders");
        assertThat(stored.get("message_id").asText()).isEqualTo("po-1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history("alice"))
                .anySatisfy(event -> assertThat(event.path("channel").asText()).isEqualTo("partner-orders")));
    }

    @Test
    void a_handled_order_is_deleted_from_its_queue_not_delivered_again() {
        String replies = ownQueue("partner-g-replies");

        send(QUEUE, "{\"order_id\":\"po-deleted\",\"customer\":\"alice\",\"product\":\"4\",\"quantity\":1}",
                Map.of("ReplyTo", replies));

        assertThat(receive(replies).messageAttributes().get("status").stringValue()).isEqualTo("201");
        // not deleted, it would stay in flight until its visibility timeout and then come back
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(messagesIn(setting(QUEUE))).isZero());
    }

    @Test
    void the_same_order_sent_twice_buys_once() throws Exception {
        String replies = ownQueue("partner-b-replies");
        String order = "{\"order_id\":\"po-twice\",\"customer\":\"alice\",\"product\":\"2\",\"quantity\":1}";

        send(QUEUE, order, Map.of("ReplyTo", replies));
        JsonNode first = JSON.readTree(receive(replies).body());
        send(QUEUE, order, Map.of("ReplyTo", replies));
        JsonNode second = JSON.readTree(receive(replies).body());

        assertThat(second.get("purchase_id").asText()).isEqualTo(first.get("purchase_id").asText());
        assertThat(second.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_malformed_order_is_parked_with_its_reason_while_the_next_good_one_is_processed() throws Exception {
        String replies = ownQueue("partner-c-replies");

        send(QUEUE, "{\"order_id\":\"po-bad\",\"customer\":\"alice\",\"product\":\"1\",\"quantity\":\"lots\"}",
                Map.of("ReplyTo", replies));
        send(QUEUE, "{not json", Map.of());
        send(QUEUE, "{\"order_id\":\"po-good\",\"customer\":\"alice\",\"product\":\"3\",\"quantity\":1}",
                Map.of("ReplyTo", replies));

        Message refused = receive(replies);
        assertThat(refused.messageAttributes().get("status").stringValue()).isEqualTo("400");
        Message good = receive(replies);
        assertThat(good.messageAttributes().get("message_id").stringValue()).isEqualTo("po-good");
        assertThat(good.messageAttributes().get("status").stringValue()).isEqualTo("201");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLetters(QUEUE))
                .extracting(letter -> letter.get("reason").asText())
                .anySatisfy(reason -> assertThat(reason).contains("quantity"))
                .anySatisfy(reason -> assertThat(reason).contains("not valid JSON")));
        Message parked = receive(setting("unicorn.queues.partner-orders-dlq"));
        assertThat(parked.messageAttributes().get("reason").stringValue()).isNotBlank();
    }

    @Test
    void a_parked_order_is_listed_for_operators_and_once_redriven_is_retried() throws Exception {
        String replies = ownQueue("partner-d-replies");
        send(QUEUE, "{\"order_id\":\"po-retry\",\"customer\":\"alice\",\"product\":\"1\",\"quantity\":0}",
                Map.of("ReplyTo", replies));
        assertThat(receive(replies).messageAttributes().get("status").stringValue()).isEqualTo("400");
        JsonNode letter = awaitDeadLetter("po-retry");
        assertThat(letter.get("receive_count").asInt()).isEqualTo(1);
        assertThat(letter.get("first_seen").asText()).isNotBlank();

        Api.Response redriven = api.json("POST", "/dead-letters/" + setting(QUEUE) + "/redrive",
                "{\"ids\":[\"" + letter.get("id").asText() + "\"]}");

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("redriven")).extracting(JsonNode::asText).containsExactly(letter.get("id").asText());
        Message retried = receive(replies);
        assertThat(retried.messageAttributes().get("message_id").stringValue()).isEqualTo("po-retry");
        assertThat(retried.messageAttributes().get("status").stringValue()).isEqualTo("400");
        assertThat(Api.basic(port, "derick", "unicorn").get("/dead-letters?queue=" + setting(QUEUE)).status())
                .isEqualTo(403);
    }

    @Test
    void an_order_for_an_unknown_product_is_parked_and_once_the_product_exists_a_redrive_buys_it_once()
            throws Exception {
        String replies = ownQueue("partner-e-replies");
        send(QUEUE, "{\"order_id\":\"po-new\",\"customer\":\"alice\",\"product\":\"po-unicorn\",\"quantity\":1}",
                Map.of("ReplyTo", replies));
        assertThat(receive(replies).messageAttributes().get("status").stringValue()).isEqualTo("404");
        JsonNode letter = awaitDeadLetter("po-new");
        assertThat(letter.get("reason").asText()).contains("product");

        Api.Response created = api.json("POST", "/products", "{\"id\":\"po-unicorn\",\"name\":\"Partner Unicorn\","
                + "\"description\":\"sold by partners\",\"price\":100,\"stock\":2,\"image\":\"/images/po.svg\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response redriven = api.json("POST", "/dead-letters/" + setting(QUEUE) + "/redrive",
                "{\"ids\":[\"" + letter.get("id").asText() + "\"]}");
        Message bought = receive(replies);
        Api.Response again = api.json("POST", "/dead-letters/" + setting(QUEUE) + "/redrive",
                "{\"ids\":[\"" + letter.get("id").asText() + "\"]}");

        assertThat(redriven.json().get("redriven")).hasSize(1);
        assertThat(bought.messageAttributes().get("message_id").stringValue()).isEqualTo("po-new");
        assertThat(bought.messageAttributes().get("status").stringValue()).as(bought.body()).isEqualTo("201");
        assertThat(JSON.readTree(bought.body()).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.json().get("redriven")).as("nothing left to redrive").isEmpty();
        assertThat(api.get("/products/po-unicorn").json().get("stock").asLong()).as("bought once").isEqualTo(1);
        assertThat(deadLetters(QUEUE)).noneSatisfy(listed -> assertThat(listed.get("body").asText()).contains("po-new"));
    }

    @Test
    void a_message_the_redrive_policy_moved_unrecorded_is_listed_once_by_its_own_id() {
        // the default reply queue has a dead-letter queue and no consumer in the platform: the test
        // is the consumer that fails every receive and dies before recording anything
        String queue = setting("unicorn.queues.replies");
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        String sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"never\":\"handled\"}")).messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var received = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).maxNumberOfMessages(10))
                    .messages();
            return received.stream().noneMatch(message -> message.messageId().equals(sent))
                    && api.get("/dead-letters?queue=" + queue).json().get("items").findValues("id").stream()
                            .anyMatch(id -> id.asText().equals(sent));
        });

        JsonNode listed = api.get("/dead-letters?queue=" + queue).json().get("items");

        assertThat(listed).filteredOn(letter -> letter.get("id").asText().equals(sent)).singleElement()
                .satisfies(letter -> {
                    assertThat(letter.get("reason").asText()).contains("redrive policy");
                    assertThat(letter.get("receive_count").asInt())
                            .isEqualTo(Integer.parseInt(setting("unicorn.queues.max-receives")));
                    assertThat(letter.get("body").asText()).isEqualTo("{\"never\":\"handled\"}");
                });
    }

    @Test
    void an_order_naming_no_reply_queue_is_answered_on_the_default_one() throws Exception {
        send(QUEUE, "{\"order_id\":\"po-default\",\"customer\":\"bob\",\"product\":\"3\",\"quantity\":9}",
                Map.of());
        String url = sqs.getQueueUrl(b -> b.queueName(setting("unicorn.queues.replies"))).queueUrl();

        Message[] reply = new Message[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                MessageAttributeValue id = message.messageAttributes().get("message_id");
                if (id != null && id.stringValue().equals("po-default")) {
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                    reply[0] = message;
                }
            }
            return reply[0] != null;
        });

        // bob's 800 cannot pay 9 x 900: a refusal is an outcome, replied, not parked
        assertThat(reply[0].messageAttributes().get("status").stringValue()).isEqualTo("409");
        assertThat(JSON.readTree(reply[0].body()).get("type").asText()).endsWith("insufficient-funds");
    }

    @Test
    void operators_page_through_dead_letters_and_delete_one() {
        String replies = ownQueue("partner-f-replies");
        for (int i = 0; i < 3; i++) {
            send(QUEUE, "{\"order_id\":\"po-page-" + i + "\",\"customer\":\"alice\",\"product\":\"1\",\"quantity\":-1}",
                    Map.of("ReplyTo", replies));
            receive(replies);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(QUEUE).findValues("body").stream()
                .filter(body -> body.asText().contains("po-page-")).count() == 3);
        String all = "/dead-letters?queue=" + setting(QUEUE);

        JsonNode first = api.get(all + "&limit=2").json();
        JsonNode second = api.get(all + "&limit=100&cursor=" + first.get("next_cursor").asText()).json();
        String id = first.get("items").get(0).get("id").asText();
        Api.Response deleted = api.send("DELETE", "/dead-letters/" + setting(QUEUE) + "/" + id, null, Map.of());
        Api.Response again = api.send("DELETE", "/dead-letters/" + setting(QUEUE) + "/" + id, null, Map.of());

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items").findValues("id")).extracting(JsonNode::asText)
                .doesNotContainAnyElementsOf(first.get("items").findValues("id").stream().map(JsonNode::asText).toList());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(deadLetters(QUEUE).findValues("id")).extracting(JsonNode::asText).doesNotContain(id);
    }

    @Test
    void every_documented_example_of_an_entry_points_schema_passes_its_validation() {
        ENTRY_POINTS.forEach((endpoint, schema) -> {
            for (ObjectNode example : ChannelSchemas.load(schema).examples()) {
                Exception failure = call(endpoint, example);
                // a business outcome (no such product, not enough stock or points) is no refusal of the body
                assertThat(failure == null ? null : problems.toProblem(failure).status()).as("%s %s: %s", endpoint,
                        example, failure).isIn(null, 404, 409);
            }
        });
    }

    @Test
    void a_body_breaking_any_constraint_of_its_schema_is_refused_by_the_entry_point_naming_the_field() {
        ENTRY_POINTS.forEach((endpoint, schema) -> {
            List<ChannelSchemas.Breach> breaches = ChannelSchemas.load(schema).breaches();
            assertThat(breaches).as(schema).isNotEmpty();
            for (ChannelSchemas.Breach breach : breaches) {
                Exception failure = call(endpoint, breach.document());
                assertThat(failure).as("%s accepted %s", endpoint, breach).isNotNull();
                Map<String, Object> problem = problems.toProblem(failure).asMap();
                assertThat(problem.get("status")).as("%s %s: %s", endpoint, breach, problem).isEqualTo(400);
                assertThat(JSON.valueToTree(problem.get("errors")).findValuesAsText("field")).as("%s %s", endpoint, breach)
                        .contains(breach.field());
            }
        });
    }

    /** What the entry point threw for this body, sent as a channel would send it; null when it answered. */
    private Exception call(String endpoint, JsonNode body) {
        return producer.send(endpoint, exchange -> {
            exchange.getMessage().setBody(body.toString());
            exchange.getMessage().setHeader(ChannelMessages.CHANNEL, "schema-check");
            exchange.getMessage().setHeader(ChannelMessages.MESSAGE_ID, UUID.randomUUID().toString());
        }).getException();
    }

    /** Messages on a queue, visible or in flight. */
    private int messagesIn(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return counts.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private JsonNode awaitDeadLetter(String orderId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode letter : deadLetters(QUEUE)) {
                if (letter.get("body").asText().contains(orderId)) {
                    found[0] = letter;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
