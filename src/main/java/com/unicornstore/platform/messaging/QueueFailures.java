package com.unicornstore.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.InvalidJsonException;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.security.Origins;
import com.unicornstore.platform.web.Problem;
import com.unicornstore.platform.web.ProblemMapper;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What becomes of a queued message whose handling failed (the routes' one error handler, with the
 * message as it arrived). Poison (it cannot be read or is invalid: it would fail every time) is
 * parked in the dead-letter queue at once, with its reason. Any other refusal (409 and the like) is
 * an outcome. Either is replied when the message's own id is known. Everything else is passing (a
 * backend outage): the message is not deleted, SQS delivers it again, and its last receive is
 * recorded, when the backend allows, before SQS moves it.
 */
public final class QueueFailures {

    private static final Logger LOG = LoggerFactory.getLogger(QueueFailures.class);
    // NOT_FOUND too: a message naming a product or wallet that does not exist is parked, so that an
    // operator who creates it can redrive the message
    private static final Set<Rejection.Kind> POISON = EnumSet.of(Rejection.Kind.INVALID,
            Rejection.Kind.UNSUPPORTED_MEDIA_TYPE, Rejection.Kind.UNPROCESSABLE, Rejection.Kind.NOT_FOUND);
    static final String MESSAGE_ID = "CamelAwsSqsMessageId";
    private static final String IN_USE = "idempotency-key-in-use";
    static final String SQS_ATTRIBUTES = "CamelAwsSqsAttributes";

    private final DeadLetterQueues deadLetters;
    private final QueueReplies replies;
    private final ProblemMapper problems;
    private final ObjectMapper json;
    private final int maxReceives;

    public QueueFailures(DeadLetterQueues deadLetters, QueueReplies replies, ProblemMapper problems, ObjectMapper json,
            int maxReceives) {
        this.deadLetters = deadLetters;
        this.replies = replies;
        this.problems = problems;
        this.json = json;
        this.maxReceives = maxReceives;
    }

    /** True when the failure is final (poison or a refusal): the message is then deleted, never redelivered. */
    public boolean isFinal(Exchange exchange) {
        if (unreadable(failure(exchange))) {
            return true;
        }
        Rejection rejection = Rejection.foundIn(failure(exchange));
        // a redelivery while the first delivery still runs: passing, the queue delivers it again later
        return rejection != null && !IN_USE.equals(rejection.code());
    }

    /** Parks poison, replies refusals, records the last receive of a passing failure; see the class comment. */
    public void handle(Exchange exchange) throws JsonProcessingException {
        Throwable failure = failure(exchange);
        Rejection rejection = Rejection.foundIn(failure);
        String messageId = exchange.getMessage().getHeader(MESSAGE_ID, String.class);
        String queue = queueOf(exchange);
        String reason = rejection != null && POISON.contains(rejection.kind()) ? reasonOf(rejection)
                : unreadable(failure) ? "invalid-request: body is not valid JSON" : null;
        if (reason != null) {
            LOG.warn("Poison message {} on {} parked in its dead-letter queue: {}", messageId, queue, reason);
            // a message naming what does not exist yet changed nothing: once created, its redrive runs anew
            deadLetters.park(queue, messageId, exchange.getMessage().getBody(String.class), reason,
                    receiveCount(exchange), messageAttributes(exchange), rejection != null
                            && rejection.kind() == Rejection.Kind.NOT_FOUND);
        } else if (rejection == null || IN_USE.equals(rejection.code())) {
            if (receiveCount(exchange) >= maxReceives) {
                recordLastReceive(exchange, queue, messageId, failure);
            }
            return;
        }
        // a message whose own id is known (a channel's message, a partner's command) is told how it ended
        String ownId = exchange.getProperty(Origins.MESSAGE_ID, String.class);
        if (ownId != null) {
            Problem problem = problems.toProblem(failure);
            replies.send(exchange, ownId, problem.status(), json.writeValueAsString(problem.asMap()));
        }
    }

    /**
     * Best effort: with the backend down this write fails too, and SQS moves the message all the same;
     * listing the dead letters then records it from the dead-letter queue (DeadLetterQueues#recordMoved).
     */
    private void recordLastReceive(Exchange exchange, String queue, String messageId, Throwable failure) {
        try {
            deadLetters.recordLastReceive(queue, messageId, exchange.getMessage().getBody(String.class),
                    String.valueOf(failure), receiveCount(exchange));
        } catch (RuntimeException notRecorded) {
            LOG.warn("Last receive of {} on {} not recorded ({}); it is recorded from the dead-letter queue when listed",
                    messageId, queue, notRecorded.toString());
        }
    }

    /**
     * The dead letter a message is the redrive of, when it was parked to be retried as new once fixed
     * (DeadLetterQueues#REDRIVE_OF); null for any other message.
     */
    public static String redriveOf(Exchange exchange) {
        MessageAttributeValue value = messageAttributes(exchange).get(DeadLetterQueues.REDRIVE_OF);
        return value == null ? null : value.stringValue();
    }

    /** A body a route's JSONPath mapping could not parse: it will never parse. */
    private static boolean unreadable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidJsonException || t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static String reasonOf(Rejection rejection) {
        if (rejection.violations().isEmpty()) {
            return rejection.code() + ": " + rejection.getMessage();
        }
        return rejection.code() + ": " + rejection.violations().stream()
                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }

    private static Throwable failure(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught != null ? caught : exchange.getException();
    }

    private static String queueOf(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof Sqs2Endpoint sqs) {
            return sqs.getConfiguration().getQueueName();
        }
        throw new IllegalStateException("not a queued message: " + exchange.getFromEndpoint());
    }

    private static int receiveCount(Exchange exchange) {
        Object attributes = exchange.getMessage().getHeader(SQS_ATTRIBUTES);
        if (attributes instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (String.valueOf(entry.getKey()).equals("ApproximateReceiveCount")) {
                    return Integer.parseInt(String.valueOf(entry.getValue()));
                }
            }
        }
        return 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, MessageAttributeValue> messageAttributes(Exchange exchange) {
        Object attributes = exchange.getMessage().getHeader(QueueReplies.SQS_MESSAGE_ATTRIBUTES);
        return attributes instanceof Map<?, ?> map ? (Map<String, MessageAttributeValue>) map : Map.of();
    }
}
