package com.unicornstore.platform.domain;

import java.util.Set;

/** The scopes an API key or an operator can hold; each guards a group of operations (README, Security). */
public final class Scopes {

    public static final String POINTS_READ = "points:read";
    public static final String POINTS_WRITE = "points:write";
    public static final String PURCHASES_WRITE = "purchases:write";
    public static final String PURCHASES_REFUND = "purchases:refund";
    public static final String CAMPAIGNS_READ = "campaigns:read";
    public static final String CAMPAIGNS_ADMIN = "campaigns:admin";
    public static final String OPERATOR = "operator";
    /** One scope per sales channel: {@code channel:<name>}. */
    public static final String CHANNEL_PREFIX = "channel:";

    private static final Set<String> FIXED = Set.of(POINTS_READ, POINTS_WRITE, PURCHASES_WRITE, PURCHASES_REFUND,
            CAMPAIGNS_READ, CAMPAIGNS_ADMIN, OPERATOR);

    private Scopes() {}

    public static boolean isKnown(String scope) {
        return FIXED.contains(scope) || scope.startsWith(CHANNEL_PREFIX) && Identifiers.isValid(
                scope.substring(CHANNEL_PREFIX.length()));
    }
}
