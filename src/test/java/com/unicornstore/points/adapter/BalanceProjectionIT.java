package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Rebuilds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The read side fed by the real DynamoDB stream: idempotent, order-safe, and not stopped by poison. */
@PlatformIntegrationTest
class BalanceProjectionIT extends PointsClient {

    @Autowired
    ProducerTemplate producer;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DynamoDbStreamsClient streams;

    @Autowired
    DynamoBalanceViews views;

    @Autowired
    AwsResourceNames names;

    @Test
    void the_same_stream_record_applied_twice_leaves_the_projection_unchanged() {
        api.json("POST", "/points", "{\"account_id\":\"dup\",\"amount\":50}");
        api.json("DELETE", "/points", "{\"account_id\":\"dup\",\"amount\":20}");
        await().atMost(Duration.ofSeconds(10)).until(() -> views.find("dup").map(BalanceView::appliedSequence).orElse(0L) == 2);
        BalanceView before = views.find("dup").orElseThrow();
        List<Record> records = EventStreamRecords.of(streams, names.tables().pointEvents(), "dup");
        assertThat(records).hasSize(2);

        for (Record record : List.of(records.get(1), records.get(1), records.get(0))) {
            producer.sendBodyAndProperty("direct:points.project-balance", record, Exchange.BATCH_COMPLETE, true);
        }

        assertThat(views.find("dup")).contains(before);
        assertThat(balanceOf("dup")).isEqualTo(30);
    }

    @Test
    void a_keys_only_insert_and_a_modify_are_ignored_rather_than_parked() {
        Map<String, AttributeValue> keysOnly = Map.of("account_id", AttributeValue.fromS("ghost"),
                "seq", AttributeValue.fromN("1"));
        Map<String, AttributeValue> whole = EventItems.toItem(1, issued("ghost", 9));
        for (Record record : List.of(record("keys-only", OperationType.INSERT, keysOnly),
                record("modified", OperationType.MODIFY, whole))) {
            producer.sendBodyAndProperty("direct:points.project-balance", record, Exchange.BATCH_COMPLETE, true);
        }

        assertThat(views.find("ghost")).isEmpty();
        assertThat(parked("point-events-stream/keys-only")).isEmpty();
        assertThat(parked("point-events-stream/modified")).isEmpty();
    }

    @Test
    void a_poison_record_is_parked_and_the_stream_keeps_flowing() {
        Map<String, AttributeValue> poison = new HashMap<>(EventItems.toItem(1, issued("poison", 10)));
        poison.put("amount", AttributeValue.fromN("0"));
        Map<String, AttributeValue> wrongType = new HashMap<>(EventItems.toItem(2, issued("poison", 10)));
        wrongType.put("amount", AttributeValue.fromS("ten"));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(poison));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(wrongType));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(3, issued("poison", 7))));

        api.json("POST", "/points", "{\"account_id\":\"after-poison\",\"amount\":12}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(balanceOf("after-poison")).isEqualTo(12);
            assertThat(balanceOf("poison")).isEqualTo(7);
        });
        assertThat(parked("point-events/poison#1").get("reason").s()).contains("amount");
        assertThat(parked("point-events/poison#2").get("reason").s()).contains("amount");
    }

    @Test
    void a_batch_whose_last_record_is_parked_still_writes_the_views_of_the_good_ones() {
        Map<String, AttributeValue> failing = new HashMap<>(EventItems.toItem(1, issued("last-poison", 5)));
        failing.put("seq", AttributeValue.fromN("not-a-number"));

        // as the stream reader hands a batch over (BalanceRecordProcessor)
        producer.sendBody(BalanceRecordProcessor.BATCH_ENDPOINT, List.of(
                record("good-first", OperationType.INSERT, EventItems.toItem(1, issued("good-first", 9))),
                record("poison-last", OperationType.INSERT, failing)));

        assertThat(parked("point-events-stream/poison-last").get("reason").s()).contains("not-a-number");
        assertThat(views.find("good-first").map(BalanceView::appliedSequence)).as("flushed with the batch").contains(1L);
    }

    @Test
    void a_rebuild_reports_a_live_view_that_drifted_and_repairs_it_when_asked() {
        api.json("POST", "/points", "{\"account_id\":\"drift\",\"amount\":40}");
        await().atMost(Duration.ofSeconds(10)).until(() -> views.find("drift").isPresent());
        BalanceView good = views.find("drift").orElseThrow();
        BalanceView drifted = new BalanceView("drift", good.appliedSequence(), List.of());
        dynamo.putItem(b -> b.tableName(names.tables().pointBalances()).item(DynamoBalanceViews.toItem(drifted)));

        var report = Rebuilds.run(api, "?account_id=drift");
        var repaired = Rebuilds.run(api, "?account_id=drift&repair=true");
        var after = Rebuilds.run(api, "");

        assertThat(report.get("differences")).hasSize(1);
        assertThat(report.get("differences").get(0).get("live").get("balance").asLong()).isZero();
        assertThat(report.get("differences").get(0).get("rebuilt").get("balance").asLong()).isEqualTo(40);
        assertThat(report.get("differences").get(0).get("repaired").asBoolean()).isFalse();
        assertThat(repaired.get("differences").get(0).get("repaired").asBoolean()).isTrue();
        assertThat(views.find("drift")).contains(good);
        assertThat(after.get("differences")).isEmpty();
        assertThat(after.get("accounts").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_operator_lists_parked_records_newest_first_a_page_at_a_time() {
        for (String id : List.of("listed-1", "listed-2", "listed-3")) {
            producer.sendBodyAndProperty("direct:points.project-balance", record(id, OperationType.INSERT,
                    Map.of("seq", AttributeValue.fromN("1"), "amount", AttributeValue.fromN("5"),
                            "type", AttributeValue.fromS("issue"))), Exchange.BATCH_COMPLETE, true);
        }

        List<JsonNode> listed = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 20 && cursor != null; page++) {
            JsonNode answer = operator().get("/points/projection/parked?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            assertThat(answer.get("items").size()).isLessThanOrEqualTo(2);
            answer.get("items").forEach(listed::add);
            cursor = answer.path("next_cursor").isTextual() ? answer.get("next_cursor").asText() : null;
        }

        assertThat(cursor).as("the last page says so").isNull();
        List<String> keys = listed.stream().map(item -> item.get("key").asText()).toList();
        assertThat(keys).doesNotHaveDuplicates().containsSubsequence("listed-3", "listed-2", "listed-1");
        List<Instant> times = listed.stream().map(item -> Instant.parse(item.get("parked_at").asText())).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed.get(keys.indexOf("listed-1")).get("source").asText()).isEqualTo("point-events-stream");
        assertThat(operator().get("/points/projection/parked?cursor=not-ours").status()).isEqualTo(400);
    }

    @Test
    void reapplying_a_parked_event_once_fixed_repairs_its_accounts_view_and_discarding_removes_the_record() {
        Map<String, AttributeValue> poison = new HashMap<>(EventItems.toItem(1, issued("fixable", 10)));
        poison.put("amount", AttributeValue.fromN("0"));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(poison));
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(2, issued("fixable", 7))));
        await().atMost(Duration.ofSeconds(10)).until(() -> balanceOf("fixable") == 7);
        JsonNode parked = parkedItem("fixable#1");
        assertThat(parked.get("account_id").asText()).isEqualTo("fixable");
        dynamo.putItem(b -> b.tableName(names.tables().pointEvents()).item(EventItems.toItem(1, issued("fixable", 10))));

        String id = parked.get("id").asText();
        JsonNode job = Rebuilds.followed(operator(), operator().send("POST", "/points/projection/parked/" + id + "/reapply",
                null, Map.of()));

        assertThat(job.get("account_id").asText()).isEqualTo("fixable");
        assertThat(job.get("differences").get(0).get("repaired").asBoolean()).isTrue();
        assertThat(balanceOf("fixable")).isEqualTo(17);
        assertThat(parkedItem("fixable#1").get("reapplied").get("job_id").asText()).isEqualTo(job.get("job_id").asText());
        assertThat(parkedItem("fixable#1").get("reapplied").get("by").asText()).isEqualTo("admin");

        assertThat(operator().send("DELETE", "/points/projection/parked/" + id, null, Map.of()).status()).isEqualTo(204);
        assertThat(parked("point-events/fixable#1")).isEmpty();
        Api.Response again = operator().send("DELETE", "/points/projection/parked/" + id, null, Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("/parked-record-not-found");
        assertThat(operator().send("POST", "/points/projection/parked/" + id + "/reapply", null, Map.of()).status())
                .isEqualTo(404);
        assertThat(operator().send("POST", "/points/projection/parked/A/reapply", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_parked_record_that_names_no_account_cannot_be_reapplied() {
        producer.sendBodyAndProperty("direct:points.project-balance", record("no-account", OperationType.INSERT,
                Map.of("seq", AttributeValue.fromN("1"), "amount", AttributeValue.fromN("5"),
                        "type", AttributeValue.fromS("issue"))), Exchange.BATCH_COMPLETE, true);
        JsonNode parked = parkedItem("no-account");

        Api.Response refused = operator().send("POST", "/points/projection/parked/" + parked.get("id").asText() + "/reapply",
                null, Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/parked-record-without-account");
        assertThat(parked.has("account_id")).isFalse();
    }

    private Api operator() {
        return Api.basic(port, "admin", "unicorn-admin");
    }

    /** The listed parked record of this key (the listing is walked to its end: other tests park records too). */
    private JsonNode parkedItem(String key) {
        String cursor = "";
        for (int page = 0; page < 50 && cursor != null; page++) {
            JsonNode answer = operator().get("/points/projection/parked?limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            for (JsonNode item : answer.get("items")) {
                if (item.get("key").asText().equals(key)) {
                    return item;
                }
            }
            cursor = answer.path("next_cursor").isTextual() ? answer.get("next_cursor").asText() : null;
        }
        throw new AssertionError("no parked record " + key);
    }

    private static PointsIssued issued(String account, long amount) {
        Instant now = Instant.now();
        return new PointsIssued(java.util.UUID.randomUUID().toString(), account, amount, now, "test", now.plusSeconds(3600));
    }

    private static Record record(String id, OperationType type, Map<String, AttributeValue> image) {
        return Record.builder().eventID(id).eventName(type)
                .dynamodb(StreamRecord.builder().newImage(image).build()).build();
    }

    private Map<String, AttributeValue> parked(String key) {
        return dynamo.getItem(b -> b.tableName(names.tables().pointParkedRecords())
                .key(Map.of("record_key", AttributeValue.fromS(key)))).item();
    }
}
