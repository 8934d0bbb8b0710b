package com.unicornstore.channel.adapter;

import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling of channel routes that read a queue, declared once: a route says
 * {@code routeConfigurationId: channel-queue}. Poison is parked in the queue's dead-letter queue at
 * once with its reason, a refusal is replied, and a passing failure leaves the message on its queue
 * to be delivered again ({@code QueueFailures}).
 */
public class ChannelQueueRoutes extends RouteConfigurationBuilder {

    /** The id channel routes name to get this error handling. */
    public static final String ID = "channel-queue";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled((Predicate) method("queueFailures", "isFinal"))
                    .useOriginalMessage()
                    .bean("queueFailures", "handle");
    }
}
