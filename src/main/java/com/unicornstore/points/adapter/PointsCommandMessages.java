package com.unicornstore.points.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.idempotency.IdempotencyStore;
import com.unicornstore.platform.idempotency.StoredResponse;
import com.unicornstore.points.adapter.PointsRequests.AccountAmount;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsCommand;
import com.unicornstore.points.domain.RevokePoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points commands from the queue ({@code {"type":"IssuePoints"|"RevokePoints","account_id","amount",
 * "correlation_id"}}), deduplicated by type and correlation id: a message delivered twice changes
 * the ledger once. A message that cannot be read is refused (an exception), so the queue redelivers
 * it and finally moves it to its dead-letter queue, while the others keep flowing.
 */
public final class PointsCommandMessages {

    private static final Logger LOG = LoggerFactory.getLogger(PointsCommandMessages.class);

    private final ObjectMapper json;
    private final IdempotencyStore dedup;
    private final IssuingPoints issuing;
    private final RevokingPoints revoking;

    public PointsCommandMessages(ObjectMapper json, IdempotencyStore dedup, IssuingPoints issuing,
            RevokingPoints revoking) {
        this.json = json;
        this.dedup = dedup;
        this.issuing = issuing;
        this.revoking = revoking;
    }

    /** The command's correlation id (a purchase's id for the saga's commands), or null when unreadable: for the logs only. */
    public String correlationOf(String body) {
        try {
            JsonNode correlation = body == null ? null : json.readTree(body).get("correlation_id");
            return correlation != null && correlation.isTextual() ? correlation.asText() : null;
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return null; // handle() refuses it with its reason
        }
    }

    public void handle(String body) {
        PointsCommand command = read(body);
        String type = command.getClass().getSimpleName();
        String correlationId = command instanceof IssuePoints issue ? issue.correlationId()
                : ((RevokePoints) command).correlationId();
        String key = "points-command:" + type + ":" + correlationId;
        IdempotencyStore.Claim claim = dedup.claim(key, command.toString());
        switch (claim.outcome()) {
            case REPLAY -> LOG.info("Duplicate {} {} ignored", type, correlationId);
            case OTHER_REQUEST -> throw Rejection.invalid("correlation_id", "was used for another " + type);
            case IN_PROGRESS -> throw new IllegalStateException(key + " is being processed elsewhere; retry later");
            case CLAIMED -> run(key, claim.token(), command);
        }
    }

    private void run(String key, String claimToken, PointsCommand command) {
        try {
            String outcome = command instanceof IssuePoints issue
                    ? issuing.issueForPurchase(issue).map(issued -> issued.id()).orElse("already-settled")
                    : revoking.revoke((RevokePoints) command).map(revoked -> revoked.id()).orElse("already-revoked");
            dedup.complete(key, new StoredResponse(200, "text/plain", outcome));
        } catch (RuntimeException failed) {
            dedup.release(key, claimToken);
            throw failed;
        }
    }

    private PointsCommand read(String body) {
        JsonNode message;
        try {
            message = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("body", "is not valid JSON");
        }
        if (message == null || !message.isObject()) {
            throw Rejection.invalid("body", "must be a JSON object");
        }
        AccountAmount fields = PointsRequests.accountAndAmount(message);
        JsonNode correlation = message.get("correlation_id");
        String correlationId = Identifiers.require("correlation_id",
                correlation != null && correlation.isTextual() ? correlation.asText() : null);
        String type = message.path("type").asText("");
        return switch (type) {
            case "IssuePoints" -> new IssuePoints(fields.accountId(), fields.amount(), correlationId);
            case "RevokePoints" -> new RevokePoints(fields.accountId(), fields.amount(), correlationId);
            default -> throw Rejection.invalid("type", "must be IssuePoints or RevokePoints");
        };
    }
}
