package com.unicornstore.channel.adapter;

import org.apache.camel.builder.RouteBuilder;

/**
 * The stable entry points of channel routes (docs/integrators.md). Each validates what the
 * channel sends, records the channel and message id as the change's origin, and runs the very
 * route the REST API runs: the reply is the REST answer (JSON body, status in
 * {@code CamelHttpResponseCode}); a failure is thrown as the REST route throws it. A queued message
 * gets its receipt handle back after the REST route, so its consumer can delete it.
 */
public class ChannelEntryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:channel.purchase").routeId("channel.purchase")
                .bean("channelMessages", "write")
                .to("direct:retail.purchase")
                .bean("channelMessages", "handled");

        from("direct:channel.points-issue").routeId("channel.points-issue")
                .bean("channelMessages", "write")
                .to("direct:points.issue")
                .bean("channelMessages", "handled");

        from("direct:channel.points-redeem").routeId("channel.points-redeem")
                .bean("channelMessages", "write")
                .to("direct:points.redeem")
                .bean("channelMessages", "handled");

        from("direct:channel.points-balance").routeId("channel.points-balance")
                .bean("channelMessages", "read")
                .to("direct:points.balance")
                .bean("channelMessages", "handled");

        // the outcome of a queued message: to the queue it names in ReplyTo, else the default reply queue
        from("direct:channel.reply").routeId("channel.reply")
                .bean("queueReplies", "reply");
    }
}
