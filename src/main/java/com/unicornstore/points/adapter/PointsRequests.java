package com.unicornstore.points.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.PageSize;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import com.unicornstore.platform.idempotency.IdempotentRequests;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.security.Origins;
import com.unicornstore.platform.web.JsonBodies;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsAmount;
import com.unicornstore.points.domain.RedeemPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Reads and checks what clients send to the points API, naming every bad field; nothing is changed on refusal. */
public final class PointsRequests {

    private final JsonBodies bodies;

    public PointsRequests(JsonBodies bodies) {
        this.bodies = bodies;
    }

    public IssuePoints issue(Exchange exchange) {
        ObjectNode body = bodies.readObject(exchange);
        AccountAmount fields = accountAndAmount(body);
        Callers.requireAccount(exchange, fields.accountId());
        return new IssuePoints(fields.accountId(), fields.amount(), correlationId(exchange), Origins.of(exchange));
    }

    public RedeemPoints redeem(Exchange exchange) {
        ObjectNode body = bodies.readObject(exchange);
        AccountAmount fields = accountAndAmount(body);
        Callers.requireAccount(exchange, fields.accountId());
        return new RedeemPoints(fields.accountId(), fields.amount(), correlationId(exchange), Origins.of(exchange));
    }

    /** The account a read names, once the caller is known to be allowed to read it. */
    public String accountId(@Header("account_id") String accountId, Exchange exchange) {
        Identifiers.require("account_id", accountId);
        Callers.requireAccount(exchange, accountId);
        return accountId;
    }

    public int limit(@Header("limit") String limit) {
        return PageSize.of(limit);
    }

    /** The fields both write operations take. */
    record AccountAmount(String accountId, long amount) {}

    /** Checks the two fields of a points command; shared with the queue consumer of points commands. */
    static AccountAmount accountAndAmount(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        JsonNode account = body.get("account_id");
        if (account == null || account.isNull()) {
            violations.add(new Violation("account_id", "is required"));
        } else if (!account.isTextual() || !Identifiers.isValid(account.asText())) {
            violations.add(new Violation("account_id",
                    "must be a string of 1-64 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'"));
        }
        JsonNode amount = body.get("amount");
        if (amount == null || amount.isNull()) {
            violations.add(new Violation("amount", "is required"));
        } else if (!amount.isIntegralNumber() || !amount.canConvertToLong() || !PointsAmount.isValid(amount.asLong())) {
            violations.add(new Violation("amount", "must be a whole number from 1 to 1000000000"));
        }
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
        return new AccountAmount(account.asText(), amount.asLong());
    }

    /**
     * The command's id, recorded as the event's correlation id and remembered by the account's recent
     * commands: with an Idempotency-Key, a name-based id of the caller's principal and the key (a
     * client's retry names the same command; another caller's same key names another one, as for
     * purchases and stored responses), else one made here. Either way the event carries its own
     * event id, by which the event store recognises the SDK's repeat of the append. Events recorded
     * before carry the bare key, and are read as they are.
     */
    static String correlationId(Exchange exchange) {
        String key = exchange.getMessage().getHeader(IdempotentRequests.HEADER, String.class);
        return key != null ? Identifiers.nameBased("points", Callers.principal(exchange), key)
                : UUID.randomUUID().toString();
    }
}
