package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.LotShare;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.RevokePoints;
import com.unicornstore.support.MovableClock;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Data written by the ledger before buckets (schema 1: a lot per issue named by its event id, the
 * revoked set in the snapshot), stored here item by item as that code wrote it, stays readable:
 * balance, FIFO and revocation come out as they did, and its revocations still refuse a late issue.
 */
@PlatformIntegrationTest
class SchemaOneDataIT extends PointsClient {

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
        }
    }

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    @Autowired
    DynamoPointsLedger ledger;

    @Autowired
    IssuingPoints issuing;

    @Autowired
    RevokingPoints revoking;

    @Test
    void an_account_of_schema_one_loads_with_its_lots_fifo_and_revocations_and_its_view_follows() {
        for (Map<String, AttributeValue> event : List.of(
                event(1, "ev-1", "PointsIssued", 100, "2026-02-01T10:00:00Z", "p-1",
                        Map.of("expires_at", s("2027-02-01T10:00:00Z"))),
                event(2, "ev-2", "PointsIssued", 50, "2026-02-01T11:00:00Z", "p-2",
                        Map.of("expires_at", s("2027-02-01T11:00:00Z"))),
                event(3, "ev-3", "PointsRedeemed", 30, "2026-02-02T09:00:00Z", "r-1",
                        Map.of("lots", lots(Map.of("ev-1", 30L)))),
                event(4, "ev-4", "PointsRevoked", 0, "2026-02-03T09:00:00Z", "p-3",
                        Map.of("requested", n(20), "lots", AttributeValue.fromL(List.of()))))) {
            dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(event));
        }
        dynamo.putItem(b -> b.tableName(names.tables().pointSnapshots()).item(Map.of(
                "account_id", s("legacy"),
                "version", n(3),
                "lots", AttributeValue.fromL(List.of(
                        lot("ev-1", "2026-02-01T10:00:00Z", "2027-02-01T10:00:00Z", 70, "p-1"),
                        lot("ev-2", "2026-02-01T11:00:00Z", "2027-02-01T11:00:00Z", 50, "p-2"))),
                "revoked", AttributeValue.fromL(List.of(s("p-old"))))));

        assertThat(ledger.reload("legacy").balanceAt(Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo(120);
        await().atMost(Duration.ofSeconds(10)).until(() -> balanceOf("legacy") == 120);
        assertThat(api.get("/points?account_id=legacy").json().get("balance_entries")).hasSize(2);

        assertThat(api.json("DELETE", "/points", "{\"account_id\":\"legacy\",\"amount\":80}").status()).isEqualTo(200);
        PointsRedeemed redeemed = (PointsRedeemed) ledger.event("legacy", 5).orElseThrow().event().event();
        assertThat(redeemed.lots()).containsExactly(new LotShare("ev-1", 70), new LotShare("ev-2", 10));

        PointsRevoked revoked = revoking.revoke(new RevokePoints("legacy", 50, "p-2")).orElseThrow();
        assertThat(revoked.amount()).isEqualTo(40);
        assertThat(issuing.issueForPurchase(new IssuePoints("legacy", 10, "p-old"))).isEmpty();
        assertThat(issuing.issueForPurchase(new IssuePoints("legacy", 20, "p-3"))).isEmpty();
        assertThat(issuing.issueForPurchase(new IssuePoints("legacy", 20, "p-2"))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> balanceOf("legacy") == 0);

        Map<String, AttributeValue> snapshot = dynamo.getItem(b -> b.tableName(names.tables().pointSnapshots())
                .key(Map.of("account_id", s("legacy")))).item();
        assertThat(snapshot.get("schema_version").n()).isEqualTo(String.valueOf(SnapshotItems.SCHEMA_VERSION));
        assertThat(snapshot).doesNotContainKey("revoked");
    }

    /** An event item exactly as the schema-1 EventItems wrote it. */
    private static Map<String, AttributeValue> event(long seq, String id, String type, long amount, String at,
            String correlation, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
                "account_id", s("legacy"), "seq", n(seq), "event_id", s(id), "type", s(type), "amount", n(amount),
                "occurred_at", s(at), "correlation_id", s(correlation), "schema_version", n(1)));
        item.putAll(more);
        return item;
    }

    private static AttributeValue lots(Map<String, Long> shares) {
        return AttributeValue.fromL(shares.entrySet().stream()
                .map(share -> AttributeValue.fromM(Map.of("lot_id", s(share.getKey()), "amount", n(share.getValue()))))
                .toList());
    }

    private static AttributeValue lot(String id, String issuedAt, String expiresAt, long remaining, String correlation) {
        return AttributeValue.fromM(Map.of("id", s(id), "issued_at", s(issuedAt), "expires_at", s(expiresAt),
                "remaining", n(remaining), "correlation_id", s(correlation)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
