package com.unicornstore.platform.messaging;

import com.unicornstore.platform.provisioning.QueueSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Parks messages in the dead-letter queue of the queue they came from, recording each
 * ({@link DeadLetterRecords}), and moves them back for operators. A parked copy carries message
 * attributes {@value #REASON}, {@value #SOURCE} and {@value #ID} (the original's SQS id); a message
 * SQS moved by redrive policy keeps its id and carries none.
 */
public final class DeadLetterQueues {

    public static final String REASON = "reason";
    public static final String SOURCE = "source_queue";
    public static final String ID = "dead_letter_id";
    /** On a parked copy: its handling may succeed once what it names exists (it changed nothing), so a redrive retries it as new. */
    public static final String RETRY_AS_NEW = "retry_as_new";
    /** On a redriven message that was parked {@value #RETRY_AS_NEW}: the id of the dead letter it was. */
    public static final String REDRIVE_OF = "redrive_of";
    static final String MOVED_BY_REDRIVE_POLICY = "moved by the redrive policy after %d failed receives "
            + "(the last failure was not recorded)";
    /** Receive rounds of a redrive or delete, 10 messages each: a bounded sweep of the dead-letter queue. */
    static final int MAX_ROUNDS = 100;

    private final SqsClient sqs;
    private final DeadLetterRecords records;
    private final Clock clock;
    private final Map<String, String> deadLetterQueueOf = new HashMap<>();
    private final Map<String, Integer> maxReceivesOf = new HashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public DeadLetterQueues(SqsClient sqs, DeadLetterRecords records, Clock clock, List<QueueSpec> queues) {
        this.sqs = sqs;
        this.records = records;
        this.clock = clock;
        queues.forEach(spec -> {
            deadLetterQueueOf.put(spec.name(), spec.deadLetterQueue());
            maxReceivesOf.put(spec.name(), spec.maxReceiveCount());
        });
    }

    /** True for the queues that have a dead-letter queue. */
    public boolean knows(String queue) {
        return deadLetterQueueOf.containsKey(queue);
    }

    /**
     * Records the message, then sends it to the dead-letter queue with its reason. Both are safe to
     * repeat: a failure leaves the original on its queue, and its redelivery parks it again. With
     * {@code retryAsNew} its redrive is marked {@value #REDRIVE_OF}, so that the entry point runs it
     * under a new identity instead of answering the refusal its first run recorded.
     */
    public void park(String queue, String messageId, String body, String reason, int receiveCount,
            Map<String, MessageAttributeValue> attributes, boolean retryAsNew) {
        records.record(new DeadLetter(queue, messageId, body, reason, receiveCount, clock.instant()));
        Map<String, MessageAttributeValue> parked = new HashMap<>(attributes == null ? Map.of() : attributes);
        parked.remove(REDRIVE_OF);
        parked.put(REASON, text(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        parked.put(SOURCE, text(queue));
        parked.put(ID, text(messageId));
        if (retryAsNew) {
            parked.put(RETRY_AS_NEW, text("true"));
        }
        sqs.sendMessage(b -> b.queueUrl(url(dlq(queue))).messageBody(body == null ? "" : body)
                .messageAttributes(parked));
    }

    /** Records a message SQS is about to move to the dead-letter queue by redrive policy (its last receive failed). */
    public void recordLastReceive(String queue, String messageId, String body, String reason, int receiveCount) {
        records.record(new DeadLetter(queue, messageId, body, reason, receiveCount, clock.instant()));
    }

    /**
     * Records the dead letters that SQS moved by redrive policy and no failure recorded: the record
     * of the last receive is best effort (it fails with the backend that failed the message, and a
     * process that dies first writes none), so the dead-letter queue itself is the truth. A moved
     * message keeps its SQS id and carries no {@value #ID}; its record is written once, by that id.
     */
    public void recordMoved(String queue) {
        int receives = maxReceivesOf.get(queue);
        sweep(queue, (message, id) -> {
            if (!message.messageAttributes().containsKey(ID)) {
                records.record(new DeadLetter(queue, id, message.body(), MOVED_BY_REDRIVE_POLICY.formatted(receives),
                        receives, clock.instant()));
            }
            return false;
        });
    }

    /** Moves the selected dead letters (all when {@code ids} is empty) back to their queue; returns their ids. */
    public List<String> redrive(String queue, Set<String> ids) {
        List<String> moved = new ArrayList<>();
        sweep(queue, (message, id) -> {
            if (!ids.isEmpty() && !ids.contains(id)) {
                return false;
            }
            Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
            boolean retryAsNew = attributes.containsKey(RETRY_AS_NEW);
            attributes.keySet().removeAll(Set.of(REASON, SOURCE, ID, RETRY_AS_NEW, REDRIVE_OF));
            if (retryAsNew) {
                attributes.put(REDRIVE_OF, text(id));
            }
            sqs.sendMessage(b -> b.queueUrl(url(queue)).messageBody(message.body()).messageAttributes(attributes));
            moved.add(id);
            return true;
        });
        moved.forEach(id -> records.delete(queue, id));
        return moved;
    }

    /** Removes one dead letter, its message and its record; false when neither was there. */
    public boolean delete(String queue, String id) {
        boolean[] found = {records.exists(queue, id)};
        sweep(queue, (message, messageId) -> {
            if (messageId.equals(id)) {
                found[0] = true;
                return true;
            }
            return false;
        });
        records.delete(queue, id);
        return found[0];
    }

    /** What a sweep does with one dead letter: true to delete it from the dead-letter queue. */
    private interface Visit {
        boolean take(Message message, String id);
    }

    /**
     * Receives the dead-letter queue's messages, hiding each for the sweep, lets {@code visit} take
     * them, and makes the others visible again at the end.
     */
    private void sweep(String queue, Visit visit) {
        String dlqUrl = url(dlq(queue));
        List<String> kept = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                MessageAttributeValue original = message.messageAttributes().get(ID);
                String id = original != null ? original.stringValue() : message.messageId();
                if (visit.take(message, id)) {
                    sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                } else {
                    kept.add(message.receiptHandle());
                }
            }
        }
        kept.forEach(handle -> sqs.changeMessageVisibility(b -> b.queueUrl(dlqUrl).receiptHandle(handle)
                .visibilityTimeout(0)));
    }

    private String dlq(String queue) {
        String dlq = deadLetterQueueOf.get(queue);
        if (dlq == null) {
            throw com.unicornstore.platform.domain.Rejection.notFound("queue-not-found",
                    "No queue " + queue + " with a dead-letter queue.");
        }
        return dlq;
    }

    private String url(String queue) {
        return urls.computeIfAbsent(queue, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
