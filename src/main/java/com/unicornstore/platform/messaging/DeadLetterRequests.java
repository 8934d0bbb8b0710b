package com.unicornstore.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.platform.domain.PageSize;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Reads and checks the dead-letter API's requests and shapes its answers. */
public final class DeadLetterRequests {

    private final DeadLetterRecords records;
    private final DeadLetterQueues queues;
    private final JsonBodies bodies;

    public DeadLetterRequests(DeadLetterRecords records, DeadLetterQueues queues, JsonBodies bodies) {
        this.records = records;
        this.queues = queues;
        this.bodies = bodies;
    }

    /**
     * {@code {"queue","items":[{"id","body","reason","receive_count","first_seen"}],"next_cursor"}}; the
     * first page first records what SQS moved unrecorded ({@link DeadLetterQueues#recordMoved}).
     */
    public Map<String, Object> list(@Header("queue") String queue, @Header("limit") String limit,
            @Header("cursor") String cursor) {
        int size = PageSize.of(limit);
        if (cursor == null) {
            // a listing starts from what the dead-letter queue holds, also what no failure recorded
            queues.recordMoved(known(queue));
        }
        DeadLetterRecords.Page page = records.page(known(queue), size, cursor);
        List<Map<String, Object>> items = page.items().stream().map(letter -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", letter.id());
            item.put("body", letter.body());
            item.put("reason", letter.reason());
            item.put("receive_count", letter.receiveCount());
            item.put("first_seen", letter.firstSeen().toString());
            return item;
        }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queue", queue);
        answer.put("items", items);
        answer.put("next_cursor", page.nextCursor());
        return answer;
    }

    /** A body {@code {"ids":[...]}} redrives those; no body (or no ids) redrives all. */
    public Map<String, Object> redrive(@Header("queue") String queue, Exchange exchange) {
        Set<String> ids = new HashSet<>();
        String body = exchange.getMessage().getBody(String.class);
        if (body != null && !body.isBlank()) {
            exchange.getMessage().setBody(body); // read once: the request's stream is gone
            JsonNode listed = bodies.readObject(exchange).get("ids");
            if (listed != null && !listed.isArray()) {
                throw Rejection.invalid("ids", "must be a list of dead-letter ids");
            }
            if (listed != null) {
                listed.forEach(id -> ids.add(Identifiers.require("ids", id.isTextual() ? id.asText() : null)));
            }
        }
        return Map.of("queue", queue, "redriven", queues.redrive(known(queue), ids));
    }

    public void delete(@Header("queue") String queue, @Header("id") String id) {
        if (!queues.delete(known(queue), Identifiers.require("id", id))) {
            throw Rejection.notFound("dead-letter-not-found", "No dead letter " + id + " on " + queue + ".");
        }
    }

    private String known(String queue) {
        Identifiers.require("queue", queue);
        if (!queues.knows(queue)) {
            throw Rejection.notFound("queue-not-found", "No queue " + queue + " with a dead-letter queue.");
        }
        return queue;
    }
}
