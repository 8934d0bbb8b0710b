package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.PageSize;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.web.JsonResponses;
import com.unicornstore.points.adapter.DynamoParkedRecords.ParkedRecord;
import com.unicornstore.points.application.RebuildJob;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The operator's view of the records the projection parked: list them newest first, re-apply one
 * (a repair rebuild of the account it belongs to, the same background job as
 * {@code POST /points/projection/rebuild}, noted on the record), or discard one.
 */
public final class ParkedRecordOperations {

    private final DynamoParkedRecords parked;
    private final ProjectionRebuilds rebuilds;
    private final Clock clock;

    public ParkedRecordOperations(DynamoParkedRecords parked, ProjectionRebuilds rebuilds, Clock clock) {
        this.parked = parked;
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /** {@code {"items":[...],"next_cursor"}}, newest first. */
    public Map<String, Object> list(@Header("limit") String limit, @Header("cursor") String cursor) {
        DynamoParkedRecords.Page page = parked.page(PageSize.of(limit), cursor);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.items().stream().map(ParkedRecordOperations::asJson).toList());
        answer.put("next_cursor", page.nextCursor());
        return answer;
    }

    /**
     * Replays the record's account from the event store and repairs its view (202 with the job and
     * where to follow it); the record stays, marked, until discarded. 409 when it names no account.
     */
    public Map<String, Object> reapply(@Header("parked_id") String id, Exchange exchange) {
        ParkedRecord record = existing(id);
        if (!Identifiers.isValid(record.accountId())) {
            throw new Rejection(Rejection.Kind.CONFLICT, "parked-record-without-account", "Parked record " + id
                    + " names no account to replay: deal with its cause, then discard it.");
        }
        String principal = Callers.principal(exchange);
        RebuildJob job = rebuilds.start(record.accountId(), true, principal);
        parked.reapplied(record, new DynamoParkedRecords.Reapplied(job.id(), principal, clock.instant()));
        exchange.setProperty(JsonResponses.LOCATION, ProjectionOperations.PATH + "/" + job.id());
        return ProjectionOperations.asJson(job);
    }

    public void discard(@Header("parked_id") String id) {
        parked.discard(existing(id));
    }

    private ParkedRecord existing(String id) {
        return parked.find(id).orElseThrow(() -> Rejection.notFound("parked-record-not-found",
                "No parked record " + id + "."));
    }

    private static Map<String, Object> asJson(ParkedRecord record) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", record.id());
        item.put("source", record.source());
        item.put("key", record.key());
        if (record.accountId() != null) {
            item.put("account_id", record.accountId());
        }
        item.put("reason", record.reason());
        if (record.parkedAt() != null) {
            item.put("parked_at", record.parkedAt().toString());
        }
        if (record.reapplied() != null) {
            item.put("reapplied", Map.of("job_id", record.reapplied().jobId(), "by", record.reapplied().by(),
                    "at", record.reapplied().at().toString()));
        }
        return item;
    }
}
