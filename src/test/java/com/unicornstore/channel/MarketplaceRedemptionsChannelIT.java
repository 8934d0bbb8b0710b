package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.ChannelHarness;
import com.unicornstore.support.ShopAChannelKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The marketplace redemptions webhook (routes/marketplace-redemptions.camel.yaml) on the channel harness. */
@ShopAChannelKey
@TestPropertySource(properties = "unicorn.channel.only=marketplace-redemptions")
class MarketplaceRedemptionsChannelIT extends ChannelHarness {

    private static final String URL = "/channels/shop-a/redemptions";

    @Test
    void a_redemption_spends_the_members_points_once_and_is_recorded_with_the_channel() {
        awaitChannel("channel.marketplace-redemptions");
        assertThat(api.json("POST", "/points", "{\"account_id\":\"mkt-1\",\"amount\":100}").status()).isEqualTo(201);
        String redemption = "{\"redemption_id\":\"mr-1\",\"member\":\"mkt-1\",\"points\":30}";

        Api shop = Api.withKey(port, "shop-a-key");

        Api.Response first = shop.json("POST", URL, redemption);
        Api.Response again = shop.json("POST", URL, redemption);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("transaction_type").asText()).isEqualTo("redeem");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        // the balance is a projection of the events: it follows within moments
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/points?account_id=mkt-1").json().get("balance").asLong()).isEqualTo(70));
        JsonNode newest = history("mkt-1").get(0);
        assertThat(newest.get("channel").asText()).isEqualTo("shop-a");
        assertThat(newest.get("message_id").asText()).isEqualTo("mr-1");
    }

    @Test
    void a_redemption_beyond_the_balance_or_without_its_points_is_refused_with_a_problem() {
        awaitChannel("channel.marketplace-redemptions");
        Api shop = Api.withKey(port, "shop-a-key");

        Api.Response tooMuch = shop.json("POST", URL, "{\"redemption_id\":\"mr-2\",\"member\":\"mkt-2\",\"points\":5}");
        Api.Response missing = shop.json("POST", URL, "{\"redemption_id\":\"mr-3\",\"member\":\"mkt-2\"}");
        Api.Response otherChannel = api.json("POST", URL,
                "{\"redemption_id\":\"mr-4\",\"member\":\"mkt-2\",\"points\":5}");

        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(tooMuch.json().get("type").asText()).endsWith("insufficient-points");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("amount");
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(otherChannel.status()).as("the demo key holds no channel:shop-a").isEqualTo(403);
    }
}
