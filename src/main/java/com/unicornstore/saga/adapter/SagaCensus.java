package com.unicornstore.saga.adapter;

import static com.unicornstore.platform.aws.Attributes.s;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The sagas that still matter to an operator, by state: the open ones (sparse index
 * {@value DynamoDbSagaLog#OPEN_INDEX}) and the FAILED ones (sparse index {@value #FAILED_INDEX},
 * whose key {@value #FAILED_SHARD} only a FAILED saga carries). Finished sagas are found by id.
 * {@link #count} refreshes the gauges {@value #BY_STATE} (tag {@code state}) and {@value #FAILED};
 * it runs on a timer, never on a request's path.
 */
public final class SagaCensus implements MeterBinder {

    /** Sparse index of FAILED sagas: partition {@value #FAILED_SHARD}, sort {@code updated_at}. */
    public static final String FAILED_INDEX = "failed-by-time";
    static final String FAILED_SHARD = "failed_shard";
    /** Gauge of the sagas in each listed state, as last counted. */
    public static final String BY_STATE = "unicorn.sagas";
    /** Gauge of the FAILED sagas, as last counted: what the failed-sagas alarm watches. */
    public static final String FAILED = "unicorn.sagas.failed";
    /** The states this census can list. */
    public static final Set<SagaState> LISTED = EnumSet.of(SagaState.RUNNING, SagaState.COMPLETING,
            SagaState.COMPENSATING, SagaState.FAILED);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<SagaState, AtomicLong> counted = new EnumMap<>(SagaState.class);

    public SagaCensus(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        LISTED.forEach(state -> counted.put(state, new AtomicLong()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counted.forEach((state, count) -> Gauge.builder(BY_STATE, count, AtomicLong::get).tag("state", state.name())
                .description("Sagas open or FAILED, by state (counted periodically)").register(registry));
        Gauge.builder(FAILED, counted.get(SagaState.FAILED), AtomicLong::get)
                .description("FAILED sagas waiting for an operator (counted periodically)").register(registry);
    }

    /** Counts the open and FAILED sagas (two sparse indexes, by shard) and updates the gauges. */
    public Map<SagaState, Long> count() {
        Map<SagaState, Long> found = new EnumMap<>(SagaState.class);
        LISTED.forEach(state -> found.put(state, 0L));
        forEachShard(DynamoDbSagaLog.OPEN_INDEX, "open_shard", item -> {
            found.merge(SagaState.valueOf(item.get("state").s()), 1L, Long::sum);
            return true;
        });
        forEachShard(FAILED_INDEX, FAILED_SHARD, item -> {
            found.merge(SagaState.FAILED, 1L, Long::sum);
            return true;
        });
        counted.forEach((state, gauge) -> gauge.set(found.getOrDefault(state, 0L)));
        return found;
    }

    /** Up to {@code limit} sagas in {@code state} (one of {@link #LISTED}), with their steps. */
    public List<SagaRecord> inState(SagaState state, int limit) {
        if (!LISTED.contains(state)) {
            throw Rejection.invalid("state", "must be one of " + LISTED + "; finished sagas are read by id");
        }
        List<SagaRecord> sagas = new ArrayList<>();
        boolean failed = state == SagaState.FAILED;
        forEachShard(failed ? FAILED_INDEX : DynamoDbSagaLog.OPEN_INDEX, failed ? FAILED_SHARD : "open_shard", item -> {
            if (state.name().equals(item.get("state").s())) {
                sagas.add(SagaItems.record(item));
            }
            return sagas.size() < limit;
        });
        return sagas;
    }

    /** Visits the index's items shard by shard while {@code visitor} answers true. */
    private void forEachShard(String index, String partition, java.util.function.Predicate<Map<String, AttributeValue>> visitor) {
        for (int shard = 0; shard < DynamoDbSagaLog.SHARDS; shard++) {
            QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression("#shard = :shard")
                    .expressionAttributeNames(Map.of("#shard", partition))
                    .expressionAttributeValues(Map.of(":shard", s(Integer.toString(shard)))).build();
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(request).items()) {
                if (!visitor.test(item)) {
                    return;
                }
            }
        }
    }
}
