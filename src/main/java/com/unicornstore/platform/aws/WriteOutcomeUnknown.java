package com.unicornstore.platform.aws;

/**
 * The mark {@link WriteOutcomes} puts on the SDK's final failure of a write whose every attempt
 * went unanswered (timeouts, dropped connections, 5xx): the write may or may not have taken effect.
 * It travels as a suppressed exception, because the SDK insists on throwing its own exception types
 * (a call timeout must stay an {@code ApiCallTimeoutException}); so the failure is still the SDK's,
 * and whatever treats a backend outage as one goes on doing so.
 */
public final class WriteOutcomeUnknown extends RuntimeException {

    private final String operation;

    WriteOutcomeUnknown(String operation) {
        super("The outcome of " + operation + " is unknown", null, false, false);
        this.operation = operation;
    }

    /** "Service.Operation" of the write, e.g. {@code DynamoDb.PutItem}. */
    public String operation() {
        return operation;
    }

    /** The mark on {@code failure} or on anything that caused it; null when no unanswered write is among them. */
    public static WriteOutcomeUnknown in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof WriteOutcomeUnknown mark) {
                    return mark;
                }
            }
        }
        return null;
    }
}
