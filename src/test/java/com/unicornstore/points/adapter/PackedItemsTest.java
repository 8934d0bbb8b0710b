package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.points.domain.BalanceEntry;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.Lot;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.RecentCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Snapshots and balance views packed into strings read back as written, and the shapes stored before still read. */
class PackedItemsTest {

    private static final Instant ISSUED = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-02-01T00:00:00Z");

    @Test
    void a_snapshot_reads_back_the_lots_and_commands_it_was_written_with_whatever_their_characters() {
        String awkward = "p-\"quoted\",[bracket]\\slash ünïcødé";
        PointsAccount account = PointsAccount.restore("acc", 42, List.of(
                new Lot("2026-02-01T00:00:00Z", ISSUED, EXPIRES, 30, null),
                new Lot("ev-legacy", ISSUED.plusSeconds(5), EXPIRES.plusSeconds(5), 7, awkward)), List.of(
                new RecentCommand(awkward, 41, "2026-02-01T00:00:00Z", 30),
                new RecentCommand("redeem:r-1", 42, null, 3)), 256);

        Map<String, AttributeValue> item = SnapshotItems.toItem(account);
        PointsAccount restored = SnapshotItems.fromItem(item, 256).account();

        assertThat(item.get("lots").s()).isNotNull();
        assertThat(restored.version()).isEqualTo(42);
        assertThat(restored.lots()).isEqualTo(account.lots());
        assertThat(restored.recentCommands()).isEqualTo(account.recentCommands());
    }

    @Test
    void a_snapshot_of_schema_2_lists_of_maps_as_main_wrote_it_still_reads_and_extra_attributes_are_ignored() {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("account_id", s("acc"), "version", n(9),
                "schema_version", n(2),
                "lots", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("i", s("2026-02-01T00:00:00Z"),
                        "t", n(ISSUED.toEpochMilli()), "e", n(EXPIRES.toEpochMilli()), "r", n(12)))))));
        item.put("recent", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("k", s("p-1"), "s", n(9),
                "a", n(12), "l", s("2026-02-01T00:00:00Z"))))));
        item.put("written_by", s("a later version"));

        PointsAccount restored = SnapshotItems.fromItem(item, 256).account();

        assertThat(restored.lots()).containsExactly(new Lot("2026-02-01T00:00:00Z", ISSUED, EXPIRES, 12, null));
        assertThat(restored.recentCommands()).containsExactly(new RecentCommand("p-1", 9, "2026-02-01T00:00:00Z", 12));
    }

    @Test
    void a_balance_view_reads_back_its_entries_with_their_exact_times() {
        Instant updated = Instant.parse("2026-02-03T10:11:12.123456Z");
        BalanceView view = new BalanceView("acc", 17, List.of(
                new BalanceEntry("2026-02-01T00:00:00Z", ISSUED, EXPIRES, 25, updated, false),
                new BalanceEntry("2025-01-01T00:00:00Z", ISSUED.minusSeconds(86_400 * 400), ISSUED, 4, ISSUED, true)));

        Map<String, AttributeValue> item = DynamoBalanceViews.toItem(view);

        assertThat(item).doesNotContainKey("entries");
        assertThat(DynamoBalanceViews.fromItem(item)).isEqualTo(view);
    }

    @Test
    void a_balance_view_stored_as_a_list_of_maps_still_reads() {
        Map<String, AttributeValue> item = Map.of("account_id", s("acc"), "applied_seq", n(3),
                "entries", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "lot_id", s("2026-02-01T00:00:00Z"), "issued_at", s(ISSUED.toString()),
                        "expires_at", s(EXPIRES.toString()), "remaining", n(8),
                        "last_updated", s(ISSUED.toString()), "expired", AttributeValue.fromBool(false))))));

        assertThat(DynamoBalanceViews.fromItem(item)).isEqualTo(new BalanceView("acc", 3,
                List.of(new BalanceEntry("2026-02-01T00:00:00Z", ISSUED, EXPIRES, 8, ISSUED, false))));
    }

    @Test
    void packed_rows_that_are_not_rows_of_strings_and_numbers_are_refused_clearly() {
        assertThatThrownBy(() -> PackedRows.unpack("[[1.5]]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackedRows.unpack("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackedRows.unpack("[[\"a\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
