package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.application.AccountCommands;
import com.unicornstore.points.domain.BucketPolicy;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.application.ExpiringPoints;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Points issued with a lifetime of seconds leave the balance on time and their expiry is recorded. */
@PlatformIntegrationTest
@TestPropertySource(properties = {"points.expiry.ttl=PT6S", "points.buckets.granularity=PT1S",
        "points.expiry.check-period=1s"})
class PointsExpiryIT extends PointsClient {

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    @Autowired
    DynamoBalanceViews views;

    @Autowired
    MeterRegistry meters;

    @Test
    void issued_points_expire_after_the_ttl_cannot_be_redeemed_show_as_expired_and_a_points_expired_event_appears() {
        double expiredBefore = expiredPoints();
        assertThat(api.json("POST", "/points", "{\"account_id\":\"short-lived\",\"amount\":100}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(balance().get("balance").asLong()).isEqualTo(100));
        assertThat(balance().get("balance_entries").get(0).get("status").asText()).isEqualTo("active");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode balance = balance();
            assertThat(balance.get("balance").asLong()).isZero();
            assertThat(balance.get("balance_entries").get(0).get("status").asText()).isEqualTo("expired");
            assertThat(balance.get("balance_entries").get(0).get("balance").asLong()).isEqualTo(100);
        });
        Api.Response redeem = api.json("DELETE", "/points", "{\"account_id\":\"short-lived\",\"amount\":10}");
        assertThat(redeem.status()).isEqualTo(409);
        assertThat(redeem.json().get("type").asText()).endsWith("insufficient-points");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode newest = historyOf("short-lived").get(0);
            assertThat(newest.get("transaction_type").asText()).isEqualTo("expire");
            assertThat(newest.get("amount").asLong()).isEqualTo(100);
        });
        assertThat(historyOf("short-lived")).hasSize(2);
        // the metric operators read: other tests' accounts may expire meanwhile, so at least these 100
        assertThat(expiredPoints() - expiredBefore).isGreaterThanOrEqualTo(100);
    }

    private double expiredPoints() {
        Counter expired = meters.find(MeteredPointsLedger.METER).tag("kind", "expired").counter();
        return expired == null ? 0 : expired.count();
    }

    @Test
    void points_issued_after_others_expired_are_spendable() {
        api.json("POST", "/points", "{\"account_id\":\"renewed\",\"amount\":40}");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                balanceOf("renewed") == 40);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                balanceOf("renewed") == 0);

        api.json("POST", "/points", "{\"account_id\":\"renewed\",\"amount\":15}");

        assertThat(api.json("DELETE", "/points", "{\"account_id\":\"renewed\",\"amount\":20}").status()).isEqualTo(409);
        assertThat(api.json("DELETE", "/points", "{\"account_id\":\"renewed\",\"amount\":15}").status()).isEqualTo(200);
    }

    private JsonNode balance() {
        return api.get("/points?account_id=short-lived").json();
    }

    @Test
    void a_second_instance_running_the_expiry_job_too_records_each_expiry_once() throws Exception {
        DynamoPointsLedger ledger = new DynamoPointsLedger(dynamo, names.tables().pointEvents(), new AccountCache(100),
                new Snapshots(dynamo, names.tables().pointSnapshots(), 100, PointsAccount.DEFAULT_REMEMBERED),
                new DynamoPurchaseRecords(dynamo, names.tables().pointCorrelations(), Duration.ofDays(45)),
                Clock.systemUTC());
        ExpiringPoints otherJob = new ExpiringPoints(views, new AccountCommands(ledger, Clock.systemUTC(),
                new BucketPolicy(Duration.ofSeconds(6), Duration.ofSeconds(1)), 10), Clock.systemUTC());
        api.json("POST", "/points", "{\"account_id\":\"expiring\",\"amount\":30}");
        await().atMost(Duration.ofSeconds(5)).until(() -> views.find("expiring").isPresent());
        Thread.sleep(6_000);

        for (int i = 0; i < 10; i++) {
            otherJob.expireDue();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                historyOf("expiring").get(0).get("transaction_type").asText())
                .isEqualTo("expire"));
        Thread.sleep(2_000);
        assertThat(historyOf("expiring")).hasSize(2);
    }
}
