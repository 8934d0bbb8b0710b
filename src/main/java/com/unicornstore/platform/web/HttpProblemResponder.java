package com.unicornstore.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;

/** Turns the failure caught on an HTTP exchange into its problem+json response. */
public final class HttpProblemResponder {

    /** Seconds a client waits before retrying after a 503. */
    public static final String RETRY_AFTER = "2";

    private final ProblemMapper mapper;
    private final ObjectMapper json;

    public HttpProblemResponder(ProblemMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * True in the route that received the HTTP request, and only there: a failure in a route it
     * calls must propagate to it first, so that sagas compensate and doTry blocks see it.
     */
    public boolean isHttpEdge(Exchange exchange) {
        if (!(exchange.getFromEndpoint() instanceof PlatformHttpEndpoint)) {
            return false;
        }
        Route current = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        return current == null || current.getRouteId().equals(exchange.getFromRouteId());
    }

    public void respond(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem = mapper.toProblem(failure);
        if (problem.status() == 503) {
            // the outcome is not known: tell the client what the request had already settled (its purchase id)
            for (var fact : RequestFacts.of(exchange).entrySet()) {
                if (!problem.extensions().containsKey(fact.getKey())) {
                    problem = problem.with(fact.getKey(), fact.getValue());
                }
            }
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            message.setHeader("Retry-After", RETRY_AFTER);
        }
        message.setBody(json.writeValueAsString(problem.asMap()));
    }
}
