package com.unicornstore.points.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.RevokePoints;
import java.util.Map;

/** {@code direct:points.revoke} for other contexts (refunds): takes back a purchase's points, now (see {@link RevokingPoints}). */
public final class PointsRevocations {

    private final RevokingPoints revoking;
    private final ObjectMapper json;

    public PointsRevocations(RevokingPoints revoking, ObjectMapper json) {
        this.revoking = revoking;
        this.json = json;
    }

    /**
     * {@code {"account_id","amount","correlation_id"}} in, {@code {"revoked"}} out: what the
     * correlation's revocation took (0 when its points were spent), the same when repeated.
     */
    public Map<String, Object> revoke(Map<String, Object> request) {
        JsonNode body = json.valueToTree(request);
        PointsRequests.AccountAmount fields = PointsRequests.accountAndAmount(body);
        JsonNode correlation = body.get("correlation_id");
        String correlationId = Identifiers.require("correlation_id",
                correlation != null && correlation.isTextual() ? correlation.asText() : null);
        long revoked = revoking.revokeAnswering(new RevokePoints(fields.accountId(), fields.amount(), correlationId));
        return Map.of("revoked", revoked);
    }
}
