package com.unicornstore.points.adapter;

import static com.unicornstore.platform.aws.Attributes.n;
import static com.unicornstore.platform.aws.Attributes.number;
import static com.unicornstore.platform.aws.Attributes.s;
import static com.unicornstore.platform.aws.Attributes.string;

import com.unicornstore.points.domain.PurchaseIssue;
import com.unicornstore.points.domain.PurchaseRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Per-purchase records of the points ledger (table {@code unicorn.tables.point-correlations}, key
 * account_id + correlation_id): {@code lot_id} and {@code issued} of the purchase's issue,
 * {@code revoked}, and {@code expires_at} (epoch seconds, DynamoDB TTL) set to the last write plus
 * {@code points.revocations.retention}. TTL deletion is lazy (and moto never deletes), so reads
 * treat a record past its {@code expires_at} as absent.
 */
public final class DynamoPurchaseRecords implements PurchaseRecords {

    static final String EXPIRES_AT = "expires_at";
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoPurchaseRecords(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public Optional<PurchaseRecord> find(String accountId, String correlationId, Instant now) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(accountId, correlationId)))
                .item();
        if (item == null || item.isEmpty() || number(item, EXPIRES_AT) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        PurchaseIssue issued = item.containsKey("lot_id")
                ? new PurchaseIssue(string(item, "lot_id"), number(item, "issued")) : null;
        AttributeValue revoked = item.get("revoked");
        long revokedAmount = item.containsKey("revoked_amount") ? number(item, "revoked_amount") : 0;
        return Optional.of(new PurchaseRecord(issued, revoked != null && Boolean.TRUE.equals(revoked.bool()),
                revokedAmount));
    }

    @Override
    public void recordIssue(String accountId, String correlationId, PurchaseIssue issue, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(accountId, correlationId))
                    .updateExpression("SET lot_id = :lot, issued = :issued, #exp = :exp")
                    .conditionExpression("attribute_not_exists(revoked)")
                    .expressionAttributeNames(Map.of("#exp", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":lot", s(issue.lotId()), ":issued", n(issue.amount()),
                            ":exp", n(expiry(now)))));
        } catch (ConditionalCheckFailedException revokedFirst) {
            // the revocation came first and stays: the issue it overtook is refused by the account too
        }
    }

    @Override
    public void recordRevocation(String accountId, String correlationId, long amount, Instant now) {
        // the first amount stays: a repeat (or the SDK's retry of this very write) never changes it
        dynamo.updateItem(b -> b.tableName(table).key(key(accountId, correlationId))
                .updateExpression("SET revoked = :yes, revoked_amount = if_not_exists(revoked_amount, :amount), #exp = :exp")
                .expressionAttributeNames(Map.of("#exp", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":amount", n(amount),
                        ":exp", n(expiry(now)))));
    }

    @Override
    public void recordRevocations(String accountId, Collection<String> correlationIds, Instant now) {
        List<WriteRequest> batch = new ArrayList<>();
        for (String correlationId : correlationIds) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key(accountId, correlationId));
            item.put("revoked", AttributeValue.fromBool(true));
            item.put(EXPIRES_AT, n(expiry(now)));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private long expiry(Instant now) {
        return now.plus(retention).getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String accountId, String correlationId) {
        return Map.of("account_id", s(accountId), "correlation_id", s(correlationId));
    }
}
