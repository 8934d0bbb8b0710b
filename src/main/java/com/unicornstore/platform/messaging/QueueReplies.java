package com.unicornstore.platform.messaging;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.security.Origins;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Outcomes of queued messages, sent to the queue the message names in its {@value #REPLY_TO}
 * attribute, or else to the configured default reply queue. The reply's body is what the REST API
 * would answer (a JSON document or a problem); attributes {@code status} and {@code message_id}
 * say how it ended and for which message.
 */
public final class QueueReplies {

    /** Message attribute naming the queue the outcome goes to. */
    public static final String REPLY_TO = "ReplyTo";
    /** Exchange property: the queue the outcome of this exchange goes to, taken when it arrived. */
    public static final String REPLY_QUEUE = "unicorn.reply-queue";
    static final String SQS_MESSAGE_ATTRIBUTES = "CamelAwsSqsMessageAttributes";

    private final SqsClient sqs;
    private final String defaultQueue;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public QueueReplies(SqsClient sqs, String defaultQueue) {
        this.sqs = sqs;
        this.defaultQueue = defaultQueue;
    }

    /** Keeps the reply queue a queued message names before the routes it runs replace its headers. */
    public static void remember(Exchange exchange) {
        if (exchange.getProperty(REPLY_QUEUE) == null) {
            String named = replyTo(exchange);
            if (named != null) {
                exchange.setProperty(REPLY_QUEUE, named);
            }
        }
    }

    /** Sends the exchange's body (a route's answer, its status in CamelHttpResponseCode) as the outcome of its channel message. */
    public void reply(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        send(exchange, exchange.getProperty(Origins.MESSAGE_ID, String.class), status == null ? 200 : status,
                exchange.getMessage().getBody(String.class));
    }

    /** Sends the exchange's body as the outcome of message {@code messageId} with this status. */
    public void send(Exchange exchange, String messageId, int status, String body) {
        String named = exchange.getProperty(REPLY_QUEUE, String.class);
        String queue = named != null ? named : replyTo(exchange);
        Map<String, MessageAttributeValue> attributes = Map.of(
                "status", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(status)).build(),
                "message_id", DeadLetterQueues.text(messageId == null ? "unknown" : messageId));
        try {
            sendTo(queue != null ? queue : defaultQueue, body, attributes);
        } catch (QueueDoesNotExistException unknown) {
            sendTo(defaultQueue, body, attributes); // a reply queue that does not exist: the default one gets it
        }
    }

    private void sendTo(String queue, String body, Map<String, MessageAttributeValue> attributes) {
        String url = urls.computeIfAbsent(queue, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body == null ? "" : body).messageAttributes(attributes));
    }

    private static String replyTo(Exchange exchange) {
        Object attributes = exchange.getMessage().getHeader(SQS_MESSAGE_ATTRIBUTES);
        if (attributes instanceof Map<?, ?> map && map.get(REPLY_TO) instanceof MessageAttributeValue value
                && Identifiers.isValid(value.stringValue())) {
            return value.stringValue();
        }
        return null;
    }
}
