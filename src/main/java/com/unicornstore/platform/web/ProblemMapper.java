package com.unicornstore.platform.web;

import com.unicornstore.platform.domain.DetailedFailure;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.aws.WriteOutcomeUnknown;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The one place where a failure becomes a problem document; HTTP routes and MVC both use it. */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    public Problem toProblem(Throwable failure) {
        Problem problem = classify(failure);
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DetailedFailure detailed) {
                for (var detail : detailed.details().entrySet()) {
                    problem = problem.with(detail.getKey(), detail.getValue());
                }
            }
        }
        return problem;
    }

    private Problem classify(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof Rejection rejection) {
            return fromRejection(rejection);
        }
        if (cause instanceof SdkServiceException service && service.statusCode() == 400
                && String.valueOf(service.getMessage()).contains("Item size")) {
            return Problem.of(422, "too-large", "Unprocessable Content",
                    "The request would make a stored item larger than the platform can hold.");
        }
        if (WriteOutcomeUnknown.in(failure) != null) {
            LOG.warn("Write outcome unknown: {}", cause.toString());
            return outcomeUnknown();
        }
        if (isBackendOutage(cause) || inChain(failure, SdkClientException.class)) {
            LOG.warn("Backend unavailable: {}", cause.toString());
            return backendUnavailable();
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return Problem.of(500, "internal-error", "Internal Server Error",
                "The request failed unexpectedly; quote incident " + incident + " when reporting it.")
                .with("incident", incident);
    }

    /** A backend did not answer a read, or refused a write without doing it: try again shortly. */
    public static Problem backendUnavailable() {
        return Problem.of(503, "backend-unavailable", "Service Unavailable",
                "A storage or messaging backend did not answer; try again shortly.");
    }

    /** A write that may or may not have happened: the client retries it, with the same Idempotency-Key. */
    public static Problem outcomeUnknown() {
        return Problem.of(503, "outcome-unknown", "Service Unavailable",
                "A storage backend did not confirm the write, so it may or may not have taken effect; "
                        + "retry the same request with the same Idempotency-Key.");
    }

    /** Whether the SDK's own failure is among the causes: the root may be the HTTP client's (a dropped connection). */
    private static boolean inChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Problem fromRejection(Rejection rejection) {
        int status = switch (rejection.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
        };
        Problem problem = Problem.of(status, rejection.code(), titleOf(status), rejection.getMessage());
        if (!rejection.violations().isEmpty()) {
            problem = problem.with("errors", rejection.violations());
        }
        for (var detail : rejection.details().entrySet()) {
            problem = problem.with(detail.getKey(), detail.getValue());
        }
        return problem;
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            default -> "Error";
        };
    }

    /** Connection refused, timeouts, throttling, 5xx, or a table that is not there (yet). */
    static boolean isBackendOutage(Throwable cause) {
        if (cause instanceof SdkClientException || cause instanceof ResourceNotFoundException) {
            return true;
        }
        if (cause instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return cause instanceof java.net.ConnectException || cause instanceof java.net.SocketTimeoutException;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current && !(current instanceof Rejection)
                && !(current instanceof SdkServiceException)) {
            current = current.getCause();
        }
        return current;
    }
}
