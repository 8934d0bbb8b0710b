package com.unicornstore.saga.adapter;

import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps saga records and steps to and from their DynamoDB attribute values. */
final class SagaItems {

    private SagaItems() {}

    static AttributeValue step(SagaStep step) {
        Map<String, AttributeValue> map = new HashMap<>();
        if (step.compensation() != null) {
            map.put("compensation", AttributeValue.fromS(step.compensation()));
        }
        if (step.completion() != null) {
            map.put("completion", AttributeValue.fromS(step.completion()));
        }
        Map<String, AttributeValue> options = new HashMap<>();
        step.options().forEach((k, v) -> options.put(k, AttributeValue.fromS(v)));
        map.put("options", AttributeValue.fromM(options));
        return AttributeValue.fromM(map);
    }

    static SagaRecord record(Map<String, AttributeValue> item) {
        List<SagaStep> steps = item.containsKey("steps")
                ? item.get("steps").l().stream().map(SagaItems::toStep).toList() : List.of();
        return new SagaRecord(
                item.get("saga_id").s(),
                SagaState.valueOf(item.get("state").s()),
                steps,
                item.containsKey("owner") ? item.get("owner").s() : null,
                Instant.ofEpochMilli(Long.parseLong(item.get("lease_until").n())),
                item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
                item.containsKey("last_error") ? item.get("last_error").s() : null,
                item.containsKey("failed_during") ? SagaState.valueOf(item.get("failed_during").s()) : null,
                item.containsKey("steps_done") ? Integer.parseInt(item.get("steps_done").n()) : 0);
    }

    private static SagaStep toStep(AttributeValue value) {
        Map<String, AttributeValue> map = value.m();
        Map<String, String> options = new HashMap<>();
        if (map.containsKey("options")) {
            map.get("options").m().forEach((k, v) -> options.put(k, v.s()));
        }
        return new SagaStep(
                map.containsKey("compensation") ? map.get("compensation").s() : null,
                map.containsKey("completion") ? map.get("completion").s() : null,
                options);
    }
}
