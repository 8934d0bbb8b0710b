package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.ChannelHarness;
import com.unicornstore.support.ShopAChannelKey;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** routes/webhook-orders.camel.yaml on the harness: POST /channels/{name}/orders answers like POST /purchase. */
@ShopAChannelKey
@TestPropertySource(properties = "unicorn.channel.only=webhook-orders")
class WebhookOrdersChannelIT extends ChannelHarness {

    private static final String ORDER = "{\"userId\":\"alice\",\"productId\":\"1\",\"quantity\":1}";

    @BeforeEach
    void channelRuns() {
        awaitChannel("channel.webhook-orders");
    }

    @Test
    void a_key_scoped_to_the_channel_buys_and_is_answered_like_post_purchase() {
        Api shop = Api.withKey(port, "shop-a-key");

        Api.Response bought = shop.send("POST", "/channels/shop-a/orders", ORDER,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "order-7"));
        Api.Response again = shop.send("POST", "/channels/shop-a/orders", ORDER,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "order-7"));

        assertThat(bought.status()).isEqualTo(201);
        assertThat(bought.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(bought.json().get("total").asLong()).isEqualTo(1700);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("purchase_id").asText()).isEqualTo(bought.json().get("purchase_id").asText());
        Api.Response view = api.get("/purchase/" + bought.json().get("purchase_id").asText());
        assertThat(view.json().get("principal").asText()).isEqualTo("shop-a");
        assertThat(view.json().get("channel").asText()).isEqualTo("shop-a");
        assertThat(view.json().get("message_id").asText()).isEqualTo("order-7");
    }

    @Test
    void another_channels_key_a_shopper_and_no_key_are_refused_and_bad_input_is_a_problem() {
        Api shop = Api.withKey(port, "shop-a-key");

        assertThat(shop.json("POST", "/channels/shop-b/orders", ORDER).status()).isEqualTo(403);
        assertThat(Api.basic(port, "alice", "unicorn").json("POST", "/channels/shop-a/orders", ORDER).status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).json("POST", "/channels/shop-a/orders", ORDER).status()).isEqualTo(401);
        Api.Response invalid = shop.json("POST", "/channels/shop-a/orders", "{\"userId\":\"alice\",\"quantity\":0}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors")).isNotEmpty();
    }
}
