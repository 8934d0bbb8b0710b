package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Rejection;
import java.util.Map;

/** The refusals of the points context. */
public final class PointsRejections {

    private PointsRejections() {}

    public static Rejection insufficientPoints(String accountId, long requested, long available) {
        return new Rejection(Rejection.Kind.CONFLICT, "insufficient-points",
                "Account '" + accountId + "' has " + available + " unexpired points; " + requested + " were asked for.",
                java.util.List.of(), Map.of("available", available, "requested", requested));
    }

    public static Rejection tooMuchContention(String accountId) {
        return new Rejection(Rejection.Kind.CONFLICT, "concurrent-modification",
                "Account '" + accountId + "' is being changed by other requests; try again.");
    }
}
