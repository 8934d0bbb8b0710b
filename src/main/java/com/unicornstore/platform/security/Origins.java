package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Caller;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.idempotency.IdempotentRequests;
import org.apache.camel.Exchange;

/**
 * The {@link Origin} of the change an exchange makes: its caller (or, without one, the channel it
 * came through, else {@code system}), the channel a channel entry point named, and the message's own
 * id (a channel's message id, else the Idempotency-Key). The channel and message id are exchange
 * properties, which no HTTP request can set.
 */
public final class Origins {

    /** Exchange property: the sales channel an entry point was called by. */
    public static final String CHANNEL = "unicorn.origin.channel";
    /** Exchange property: the channel message's own id. */
    public static final String MESSAGE_ID = "unicorn.origin.message-id";

    private Origins() {}

    public static Origin of(Exchange exchange) {
        String channel = exchange.getProperty(CHANNEL, String.class);
        String messageId = exchange.getProperty(MESSAGE_ID, String.class);
        if (messageId == null) {
            messageId = exchange.getMessage().getHeader(IdempotentRequests.HEADER, String.class);
        }
        String principal = Callers.of(exchange).map(Caller::name).orElse(channel != null ? channel : "system");
        return new Origin(principal, channel, messageId);
    }
}
