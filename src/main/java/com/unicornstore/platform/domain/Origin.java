package com.unicornstore.platform.domain;

/**
 * Who did what: the principal (an API key's client id, a user's name, {@code system} for the
 * platform's own work), the sales channel it came through and the message's own id. Channel and
 * message id are null when not known (a REST call without Idempotency-Key); everything is null for
 * what was recorded before origins were kept.
 */
public record Origin(String principal, String channel, String messageId) {

    /** What was recorded before origins were kept. */
    public static final Origin UNKNOWN = new Origin(null, null, null);
    /** The platform's own work: expiry, compensations, recovery. */
    public static final Origin SYSTEM = new Origin("system", null, null);

    public boolean isUnknown() {
        return principal == null && channel == null && messageId == null;
    }
}
