package com.unicornstore.points.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.idempotency.IdempotencyStore;
import com.unicornstore.platform.idempotency.StoredResponse;
import com.unicornstore.platform.security.Origins;
import com.unicornstore.points.adapter.PointsRequests.AccountAmount;
import com.unicornstore.points.application.IssuingPoints;
import com.unicornstore.points.application.RedeemingPoints;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsCommand;
import com.unicornstore.points.domain.RedeemPoints;
import com.unicornstore.points.domain.RevokePoints;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points commands from the queue ({@code {"type":"IssuePoints"|"RedeemPoints"|"RevokePoints",
 * "account_id","amount","command_id"}}; the saga's own commands name their purchase in
 * {@code correlation_id} instead), deduplicated by type and id for as long as the queue and its
 * dead-letter queue keep a message: a command delivered twice, or redriven, changes the ledger once.
 * A command with a {@code command_id} gets its outcome replied; a message that cannot be read is a
 * {@link Rejection}, which parks it in the dead-letter queue at once.
 */
public final class PointsCommandMessages {

    private static final Logger LOG = LoggerFactory.getLogger(PointsCommandMessages.class);
    /** The origin's channel of commands partners put on the queue themselves. */
    static final String CHANNEL = "points-commands";

    private final ObjectMapper json;
    private final IdempotencyStore dedup;
    private final IssuingPoints issuing;
    private final RedeemingPoints redeeming;
    private final RevokingPoints revoking;
    /**
     * The commands being applied on this instance, by dedup key: an entry lives while its command
     * runs, so there are at most as many as there are consumers.
     */
    private final Map<String, CompletableFuture<Void>> appliedHere = new ConcurrentHashMap<>();
    private final Duration duplicateWait;

    /**
     * {@code duplicateWait}: how long a delivery of a command that is being applied on this instance
     * waits for that to end before it tries the command itself.
     */
    public PointsCommandMessages(ObjectMapper json, IdempotencyStore dedup, IssuingPoints issuing,
            RedeemingPoints redeeming, RevokingPoints revoking, Duration duplicateWait) {
        this.json = json;
        this.dedup = dedup;
        this.issuing = issuing;
        this.redeeming = redeeming;
        this.revoking = revoking;
        this.duplicateWait = duplicateWait;
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

    /** Applies the command once; the reply (JSON) for a command with a command id, else null. */
    public String handle(String body, Exchange exchange) throws JsonProcessingException {
        Received received = read(body);
        PointsCommand command = received.command();
        String type = command.getClass().getSimpleName();
        String key = "points-command:" + type + ":" + received.id();
        if (received.replied()) {
            exchange.setProperty(Origins.MESSAGE_ID, received.id());
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = appliedHere.putIfAbsent(key, mine);
        if (earlier != null) {
            // SQS delivered this command twice and the other delivery is being applied here, by another
            // consumer: its outcome is known in moments, so wait for it rather than be refused as in
            // progress and come back only after the visibility timeout
            awaitEarlier(earlier, key);
            return apply(key, type, received, command);
        }
        try {
            return apply(key, type, received, command);
        } finally {
            appliedHere.remove(key, mine);
            mine.complete(null);
        }
    }

    private void awaitEarlier(CompletableFuture<Void> earlier, String key) {
        try {
            earlier.get(duplicateWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            LOG.info("{} is still being applied here after {}; its claim decides", key, duplicateWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException never) {
            throw new IllegalStateException(never); // the future of a command in flight only ever completes normally
        }
    }

    private String apply(String key, String type, Received received, PointsCommand command)
            throws JsonProcessingException {
        IdempotencyStore.Claim claim = dedup.claim(key, command.toString());
        String outcome = switch (claim.outcome()) {
            case REPLAY -> {
                LOG.info("Duplicate {} {} ignored", type, received.id());
                yield claim.response().body();
            }
            case OTHER_REQUEST -> throw Rejection.invalid("command_id", "was used for another " + type);
            case IN_PROGRESS -> throw new IllegalStateException(key + " is being processed elsewhere; retry later");
            case CLAIMED -> run(key, claim.token(), command);
        };
        return received.replied() ? reply(type, received.id(), outcome, claim.outcome() == IdempotencyStore.Outcome.REPLAY)
                : null;
    }

    private String run(String key, String claimToken, PointsCommand command) {
        try {
            String outcome;
            if (command instanceof IssuePoints issue) {
                outcome = issuing.issueForPurchase(issue).map(issued -> issued.id()).orElse("already-settled");
            } else if (command instanceof RedeemPoints redeem) {
                outcome = redeeming.redeem(redeem).id();
            } else {
                outcome = revoking.revoke((RevokePoints) command).map(revoked -> revoked.id()).orElse("already-revoked");
            }
            dedup.complete(key, new StoredResponse(200, "text/plain", outcome));
            return outcome;
        } catch (RuntimeException failed) {
            dedup.release(key, claimToken);
            throw failed;
        }
    }

    private String reply(String type, String id, String outcome, boolean duplicate) throws JsonProcessingException {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("command_id", id);
        reply.put("type", type);
        reply.put("status", duplicate ? "duplicate" : "applied");
        reply.put("outcome", outcome);
        return json.writeValueAsString(reply);
    }

    /** A command read from a message, its id (command id or correlation id), and whether it is replied. */
    private record Received(PointsCommand command, String id, boolean replied) {}

    private Received read(String body) {
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
        String commandId = text(message, "command_id", null);
        String id = Identifiers.require(commandId != null ? "command_id" : "correlation_id",
                commandId != null ? commandId : text(message, "correlation_id", null));
        Origin origin = new Origin(text(message, "principal", commandId != null ? CHANNEL : "system"),
                text(message, "channel", commandId != null ? CHANNEL : null),
                text(message, "message_id", commandId));
        String type = message.path("type").asText("");
        PointsCommand command = switch (type) {
            case "IssuePoints" -> new IssuePoints(fields.accountId(), fields.amount(), id, origin);
            case "RedeemPoints" -> new RedeemPoints(fields.accountId(), fields.amount(), id, origin);
            case "RevokePoints" -> new RevokePoints(fields.accountId(), fields.amount(), id, origin);
            default -> throw Rejection.invalid("type", "must be IssuePoints, RedeemPoints or RevokePoints");
        };
        return new Received(command, id, commandId != null);
    }

    private static String text(JsonNode message, String field, String otherwise) {
        JsonNode value = message.get(field);
        return value != null && value.isTextual() ? value.asText() : otherwise;
    }
}
