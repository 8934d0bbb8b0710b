package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.ChannelHarness;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The fourth channel, written from docs/integrators.md alone: GET /channels/{name}/balance. */
@TestPropertySource(properties = {"unicorn.channel.only=balance-webhook",
        "unicorn.security.api-keys[0].client-id=local-demo",
        "unicorn.security.api-keys[0].sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "unicorn.security.api-keys[0].scopes=points:read,points:write",
        "unicorn.security.api-keys[1].client-id=shop-a",
        "unicorn.security.api-keys[1].sha256=097e1d89aa4434201be0f030293da4e91181fffa5bb1a244d7d6c4f28b675589",
        "unicorn.security.api-keys[1].scopes=channel:shop-a"})
class BalanceWebhookChannelIT extends ChannelHarness {

    @Test
    void a_channels_key_reads_a_balance_like_get_points_and_another_channels_is_refused() {
        awaitChannel("channel.balance-webhook");
        api.json("POST", "/points", "{\"account_id\":\"hook-ann\",\"amount\":40}");
        Api shop = Api.withKey(port, "shop-a-key");

        Api.Response balance = shop.get("/channels/shop-a/balance?account_id=hook-ann");

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("account_id").asText()).isEqualTo("hook-ann");
        assertThat(shop.get("/channels/shop-b/balance?account_id=hook-ann").status()).isEqualTo(403);
        assertThat(shop.get("/channels/shop-a/balance").status()).isEqualTo(400);
    }
}
