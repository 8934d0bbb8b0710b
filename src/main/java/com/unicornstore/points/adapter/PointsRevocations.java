package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.points.application.RevokingPoints;
import com.unicornstore.points.domain.RevokePoints;
import java.util.Map;

/** {@code direct:points.revoke} for other contexts (refunds): takes back a correlation's points, now. */
public final class PointsRevocations {

    private final RevokingPoints revoking;

    public PointsRevocations(RevokingPoints revoking) {
        this.revoking = revoking;
    }

    /** {@code {"account_id","amount","correlation_id"}} in, {@code {"revoked"}} out: 0 when already revoked or spent. */
    public Map<String, Object> revoke(Map<String, Object> request) {
        String account = Identifiers.require("account_id", (String) request.get("account_id"));
        String correlation = Identifiers.require("correlation_id", (String) request.get("correlation_id"));
        long amount = ((Number) request.get("amount")).longValue();
        long revoked = revoking.revoke(new RevokePoints(account, amount, correlation)).map(r -> r.amount()).orElse(0L);
        return Map.of("revoked", revoked);
    }
}
