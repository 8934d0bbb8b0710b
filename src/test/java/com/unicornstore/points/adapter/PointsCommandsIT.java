package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.QueueSpec;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The queue the purchase saga sends points commands to: deduplicated, and poison goes to the dead-letter queue. */
@PlatformIntegrationTest
class PointsCommandsIT extends PointsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SqsClient sqs;

    @Autowired
    AwsResourceNames names;

    @Autowired
    QueueSpec pointsCommandsQueue; // by name: channels and replies have queues too

    @Autowired
    PointsCommandMessages messages;

    @Autowired
    CamelContext camel;

    @Test
    void a_duplicated_issue_message_issues_once_and_a_revoke_takes_the_points_back() {
        String issue = "{\"type\":\"IssuePoints\",\"account_id\":\"saga-1\",\"amount\":170,\"correlation_id\":\"purchase-1\"}";
        send(issue);
        send(issue);
        await().atMost(Duration.ofSeconds(15)).until(() -> balanceOf("saga-1") == 170);
        send("{\"type\":\"RevokePoints\",\"account_id\":\"saga-1\",\"amount\":170,\"correlation_id\":\"purchase-1\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> balanceOf("saga-1") == 0);
        var items = historyOf("saga-1");
        assertThat(items).extracting(i -> i.get("transaction_type").asText()).containsExactly("revoke", "issue");
        assertThat(items.get(1).get("correlation_id").asText()).isEqualTo("purchase-1");
    }

    @Test
    void poison_messages_end_in_the_dead_letter_queue_while_the_others_keep_flowing() {
        List<String> poison = List.of(
                "not json",
                "{\"type\":\"IssuePoints\",\"account_id\":\"saga-2\",\"amount\":0,\"correlation_id\":\"p-0\"}",
                "{\"type\":\"IssuePoints\",\"account_id\":\"saga-2\",\"amount\":\"10\",\"correlation_id\":\"p-1\"}",
                "{\"type\":\"MintPoints\",\"account_id\":\"saga-2\",\"amount\":10,\"correlation_id\":\"p-2\"}");
        poison.forEach(this::send);
        send("{\"type\":\"IssuePoints\",\"account_id\":\"saga-2\",\"amount\":25,\"correlation_id\":\"p-3\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> balanceOf("saga-2") == 25);
        List<String> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            deadLetters.addAll(receiveDeadLetters());
            assertThat(deadLetters).containsExactlyInAnyOrderElementsOf(poison);
        });
        assertThat(historyOf("saga-2")).hasSize(1);
    }

    @Test
    void a_partners_commands_delivered_twice_are_applied_once_and_each_delivery_is_replied() {
        String replies = sqs.createQueue(b -> b.queueName("partner-points-replies")).queueUrl();
        var replyTo = Map.of("ReplyTo", MessageAttributeValue.builder().dataType("String")
                .stringValue("partner-points-replies").build());
        String issue = "{\"type\":\"IssuePoints\",\"account_id\":\"partner-1\",\"amount\":50,\"command_id\":\"c-issue\"}";
        String redeem = "{\"type\":\"RedeemPoints\",\"account_id\":\"partner-1\",\"amount\":20,\"command_id\":\"c-redeem\"}";
        String url = sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommands())).queueUrl();
        for (String command : List.of(issue, issue)) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(command).messageAttributes(replyTo));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> historyOf("partner-1").size() == 1);
        for (String command : List.of(redeem, redeem)) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(command).messageAttributes(replyTo));
        }

        List<String> statuses = new ArrayList<>();
        // within a third of the 30 s visibility timeout: a duplicate taken up while its first delivery is
        // applied is not refused and seen again only after the timeout
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Message reply : sqs.receiveMessage(b -> b.queueUrl(replies).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                sqs.deleteMessage(b -> b.queueUrl(replies).receiptHandle(reply.receiptHandle()));
                var body = JSON.readTree(reply.body());
                statuses.add(body.get("command_id").asText() + " " + body.get("status").asText());
            }
            assertThat(statuses).containsExactlyInAnyOrder("c-issue applied", "c-issue duplicate", "c-redeem applied",
                    "c-redeem duplicate");
        });
        var history = historyOf("partner-1");
        assertThat(history).extracting(i -> i.get("transaction_type").asText()).containsExactly("redeem", "issue");
        assertThat(history.get(1).get("channel").asText()).isEqualTo("points-commands");
        assertThat(history.get(1).get("message_id").asText()).isEqualTo("c-issue");
        await().atMost(Duration.ofSeconds(15)).until(() -> balanceOf("partner-1") == 30);
    }

    @Test
    void deliveries_of_one_command_applied_at_once_here_wait_for_the_first_and_none_is_refused() throws Exception {
        // what concurrent consumers meet when SQS delivers a command twice: both deliveries at once on one instance
        String issue = "{\"type\":\"IssuePoints\",\"account_id\":\"partner-race\",\"amount\":40,\"command_id\":\"c-race\"}";
        int deliveries = 6;
        ExecutorService consumers = Executors.newFixedThreadPool(deliveries);
        try {
            CyclicBarrier together = new CyclicBarrier(deliveries);
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                replies.add(consumers.submit(() -> {
                    together.await();
                    return messages.handle(issue, new DefaultExchange(camel));
                }));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<String> reply : replies) {
                // a refusal ("being processed elsewhere") would fail here: its message would come back only
                // after the visibility timeout
                statuses.add(JSON.readTree(reply.get(20, TimeUnit.SECONDS)).get("status").asText());
            }
            assertThat(statuses).containsOnly("applied", "duplicate").containsOnlyOnce("applied");
        } finally {
            consumers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> balanceOf("partner-race") == 40);
        assertThat(historyOf("partner-race")).hasSize(1);
    }

    @Test
    void the_queues_are_provisioned_with_the_configured_visibility_retention_and_redrive() {
        assertThat(pointsCommandsQueue).isEqualTo(new QueueSpec(names.queues().pointsCommands(),
                names.queues().pointsCommandsDlq(), 10, Duration.ofSeconds(30), Duration.ofDays(4), Duration.ofDays(10)));
        var queue = attributes(names.queues().pointsCommands());
        var deadLetters = attributes(names.queues().pointsCommandsDlq());

        assertThat(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
        assertThat(queue.get(QueueAttributeName.REDRIVE_POLICY)).containsPattern("\"maxReceiveCount\":\"?10\"?[,}]")
                .contains(deadLetters.get(QueueAttributeName.QUEUE_ARN));
        // ElasticMQ accepts MessageRetentionPeriod but neither keeps nor reports it; SQS and LocalStack do
    }

    private Map<QueueAttributeName, String> attributes(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    private void send(String body) {
        String url = sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommands())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    private List<String> receiveDeadLetters() {
        String url = sqs.getQueueUrl(b -> b.queueName(names.queues().pointsCommandsDlq())).queueUrl();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages.stream().map(Message::body).toList();
    }

}
