package com.unicornstore.channel.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Scopes;
import com.unicornstore.platform.idempotency.IdempotentRequests;
import com.unicornstore.platform.messaging.QueueFailures;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.security.Origins;
import com.unicornstore.platform.messaging.QueueReplies;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;

/**
 * What a channel route hands to an entry point: a JSON body (text, bytes, a Map or a JSON tree),
 * header {@value #CHANNEL} naming the channel and, for writes, {@value #MESSAGE_ID} the message's own
 * id. The entry point records both as the change's origin, uses them as its Idempotency-Key (the same
 * message twice changes things once) and then runs the REST API's own route. An HTTP caller must hold
 * the channel's scope {@code channel:<name>}. Instead of a body, a route may map the fields one by one
 * into headers {@code UnicornField.<name>} (for example with JSONPath): the entry point then writes
 * the JSON itself, so no value a partner sends can change the request's shape.
 */
public final class ChannelMessages {

    /** Header: the channel's name (1-64 of A-Z a-z 0-9 . _ @ -). */
    public static final String CHANNEL = "UnicornChannel";
    /** Header: the message's own id, unique within its channel (1-200 visible ASCII characters). */
    public static final String MESSAGE_ID = "UnicornMessageId";

    /** Header prefix: one field of the request each, in place of a body. */
    public static final String FIELD = "UnicornField.";

    private static final Pattern VALID_MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** Exchange property: a queued message's receipt handle, kept while the REST route replaces the headers. */
    private static final String RECEIPT = "unicorn.channel.receipt-handle";

    private final ObjectMapper json;

    public ChannelMessages(ObjectMapper json) {
        this.json = json;
    }

    /** A write: the channel and message id are required, the body becomes the JSON request of the REST route. */
    public void write(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        String channel = channel(exchange);
        String messageId = message.getHeader(MESSAGE_ID, String.class);
        if (messageId == null || !VALID_MESSAGE_ID.matcher(messageId).matches()) {
            throw Rejection.invalid(MESSAGE_ID, "must be the message's own id: 1-200 visible ASCII characters");
        }
        exchange.setProperty(Origins.MESSAGE_ID, messageId);
        message.setHeader(IdempotentRequests.HEADER, idempotencyKey(channel, messageId, QueueFailures.redriveOf(exchange)));
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(text(message));
    }

    /**
     * Scoped by channel: two channels' message ids never meet. A redrive of a message parked because
     * what it named did not exist (its first run refused and changed nothing) runs under a key of its
     * own, one per redrive: a key holding the refusal would only repeat it.
     */
    private static String idempotencyKey(String channel, String messageId, String redriveOf) {
        if (redriveOf == null) {
            return "channel:" + channel + ":" + messageId;
        }
        String id = UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8)).toString();
        return "channel:" + channel + ":" + id + ":redrive:" + redriveOf;
    }

    /** A balance read: {@code {"account_id"}} in, the account id in the header the REST route reads. */
    public void read(Exchange exchange) throws JsonProcessingException {
        channel(exchange);
        Message message = exchange.getMessage();
        String body = text(message);
        JsonNode request;
        try {
            request = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("body", "is not valid JSON");
        }
        JsonNode account = request == null ? null : request.get("account_id");
        message.removeHeader(IdempotentRequests.HEADER);
        message.setHeader("account_id", Identifiers.require("account_id",
                account != null && account.isTextual() ? account.asText() : null));
    }

    /**
     * After the entry point: puts back the receipt handle of a queued message, which the REST route
     * replaced with its answer's headers, so that the queue consumer deletes the message it handled
     * (without it the message comes back after its visibility timeout, again and again). Nothing for
     * a channel that reads no queue.
     */
    public void handled(Exchange exchange) {
        String receipt = exchange.getProperty(RECEIPT, String.class);
        if (receipt != null) {
            exchange.getMessage().setHeader(Sqs2Constants.RECEIPT_HANDLE, receipt);
        }
    }

    private static String channel(Exchange exchange) {
        String channel = exchange.getMessage().getHeader(CHANNEL, String.class);
        if (!Identifiers.isValid(channel)) {
            throw Rejection.invalid(CHANNEL, "must name the channel: 1-64 of A-Z, a-z, 0-9, '.', '_', '@' or '-'");
        }
        Callers.of(exchange).ifPresent(caller -> {
            if (!caller.has(Scopes.CHANNEL_PREFIX + channel)) {
                throw new Rejection(Rejection.Kind.FORBIDDEN, "forbidden",
                        "Your credentials do not allow acting for channel " + channel + ".");
            }
        });
        exchange.setProperty(Origins.CHANNEL, channel);
        QueueReplies.remember(exchange);
        String receipt = exchange.getMessage().getHeader(Sqs2Constants.RECEIPT_HANDLE, String.class);
        if (receipt != null && exchange.getProperty(RECEIPT) == null) {
            exchange.setProperty(RECEIPT, receipt);
        }
        return channel;
    }

    /** The request as JSON text: the fields mapped into headers as one object, else the body. */
    private String text(Message message) throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith(FIELD)) {
                fields.put(name.substring(FIELD.length()), value);
            }
        });
        if (!fields.isEmpty()) {
            fields.keySet().forEach(name -> message.removeHeader(FIELD + name));
            return json.writeValueAsString(fields);
        }
        Object body = message.getBody();
        if (body instanceof Map<?, ?> || body instanceof JsonNode || body instanceof java.util.Collection<?>) {
            return json.writeValueAsString(body);
        }
        return message.getBody(String.class);
    }
}
