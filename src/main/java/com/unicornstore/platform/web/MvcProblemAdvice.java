package com.unicornstore.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem documents for what fails before a Camel route runs (unknown path 404, wrong method 405,
 * unacceptable media types): Spring MVC's standard exceptions, plus anything else, through the
 * same {@link ProblemMapper} the routes use.
 */
@RestControllerAdvice
public class MvcProblemAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MvcProblemAdvice.class);

    private final ProblemMapper mapper;

    public MvcProblemAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    /** The client went away mid-answer (a browser closing a connection): nothing to answer, nothing failed here. */
    @ExceptionHandler(org.apache.catalina.connector.ClientAbortException.class)
    void clientGone(org.apache.catalina.connector.ClientAbortException gone) {
        LOG.debug("client closed the connection: {}", gone.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> anyOther(Exception failure) {
        Problem problem = mapper.toProblem(failure);
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.asMap());
    }

    /**
     * The route took longer than the server waits for an answer. It goes on, so a write's outcome is
     * not known yet: outcome-unknown, with what the route already knew (e.g. the purchase id).
     */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestTimeoutException(AsyncRequestTimeoutException timeout,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String method = request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : "GET";
        Problem problem = "GET".equals(method) || "HEAD".equals(method)
                ? ProblemMapper.backendUnavailable() : ProblemMapper.outcomeUnknown();
        for (var fact : RequestFacts.of(request).entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return ResponseEntity.status(problem.status()).header(HttpHeaders.RETRY_AFTER, HttpProblemResponder.RETRY_AFTER)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.asMap());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            String code = switch (statusCode.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> "bad-request";
            };
            Problem problem = Problem.of(statusCode.value(), code, detail.getTitle(), detail.getDetail());
            HttpHeaders out = new HttpHeaders();
            out.putAll(headers);
            out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem.asMap(), out, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
