package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.points.domain.Lot;
import com.unicornstore.points.domain.PointsAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SnapshotItemsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_snapshot_keeps_what_each_revocation_took() {
        PointsAccount account = PointsAccount.restore("alice", 7,
                List.of(new Lot("l1", T0, T0.plusSeconds(60), 10, "c-1")), Map.of("c-2", 50L, "c-3", 0L));

        PointsAccount restored = SnapshotItems.fromItem(SnapshotItems.toItem(account));

        assertThat(restored.revocations()).isEqualTo(Map.of("c-2", 50L, "c-3", 0L));
        assertThat(restored.lots()).isEqualTo(account.lots());
        assertThat(restored.version()).isEqualTo(7);
    }

    @Test
    void a_snapshot_written_before_amounts_were_kept_reads_its_revocations_as_having_taken_nothing() {
        Map<String, AttributeValue> legacy = Map.of("account_id", AttributeValue.fromS("alice"),
                "version", AttributeValue.fromN("3"), "lots", AttributeValue.fromL(List.of()),
                "revoked", AttributeValue.fromL(List.of(AttributeValue.fromS("c-old"))));

        PointsAccount restored = SnapshotItems.fromItem(legacy);

        assertThat(restored.revokedCorrelations()).containsExactly("c-old");
        assertThat(restored.revokedBy("c-old")).hasValue(0);
    }
}
