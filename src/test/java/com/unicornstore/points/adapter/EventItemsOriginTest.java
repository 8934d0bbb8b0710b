package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.domain.Origin;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PointsRedeemed;
import com.unicornstore.points.domain.LotShare;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventItemsOriginTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void an_event_keeps_its_principal_channel_and_message_id_through_the_store() {
        PointsIssued issued = new PointsIssued("e-1", "ann", 10, AT, "c-1", AT.plusSeconds(60), "lot-1",
                new Origin("partner-a", "partner-orders", "m-42"));

        Map<String, AttributeValue> item = EventItems.toItem(1, issued);

        assertThat(item.get("principal").s()).isEqualTo("partner-a");
        assertThat(item.get("channel").s()).isEqualTo("partner-orders");
        assertThat(item.get("message_id").s()).isEqualTo("m-42");
        assertThat(EventItems.fromItem(item).event().event()).isEqualTo(issued);
    }

    @Test
    void an_item_stored_before_origins_were_kept_reads_as_of_unknown_origin() {
        PointsRedeemed redeemed = new PointsRedeemed("e-2", "ann", 5, AT, "c-2", List.of(new LotShare("lot-1", 5)),
                new Origin("derick", null, null));
        Map<String, AttributeValue> item = new java.util.HashMap<>(EventItems.toItem(2, redeemed));
        item.remove("principal");

        assertThat(EventItems.fromItem(item).isReadable()).isTrue();
        assertThat(EventItems.fromItem(item).event().event().origin()).isEqualTo(Origin.UNKNOWN);
        assertThat(EventItems.toItem(3, EventItems.fromItem(item).event().event())).doesNotContainKeys("principal",
                "channel", "message_id");
    }
}
