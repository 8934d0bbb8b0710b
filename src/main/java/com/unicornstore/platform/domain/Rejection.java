package com.unicornstore.platform.domain;

import java.util.List;
import java.util.Map;

/**
 * A business refusal: the request was understood and refused by a rule of the domain.
 * Adapters map the {@link Kind} to a protocol status (HTTP 4xx, a dead letter, ...).
 */
public class Rejection extends RuntimeException {

    /** What sort of refusal this is; it decides the status, never the wording. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, UNPROCESSABLE, UNSUPPORTED_MEDIA_TYPE }

    private final Kind kind;
    private final String code;
    private final List<Violation> violations;
    private final Map<String, Object> details;

    public Rejection(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of(), Map.of());
    }

    public Rejection(Kind kind, String code, String detail, List<Violation> violations, Map<String, Object> details) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.details = Map.copyOf(details);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable, kebab-case identifier of the refusal, e.g. {@code insufficient-points}. */
    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Extra facts a client can act on (e.g. the purchase id of a compensated purchase). */
    public Map<String, Object> details() {
        return details;
    }

    /** One problem with one input field, located by a JSON pointer or a parameter name. */
    public record Violation(String field, String message) {}

    public static Rejection invalid(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new Rejection(Kind.INVALID, "invalid-request", detail, violations, Map.of());
    }

    public static Rejection invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static Rejection notFound(String code, String detail) {
        return new Rejection(Kind.NOT_FOUND, code, detail);
    }

    /** The refusal behind a failure, however deeply wrapped (a saga or a route may wrap it); null when there is none. */
    public static Rejection foundIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
        }
        return null;
    }
}
