package com.unicornstore.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Facts a client needs about its HTTP request even when the answer is cut short by the server's
 * request timeout (e.g. the id of the purchase it opened): kept on the servlet request, where the
 * timeout's problem document finds them, while the route goes on to its end.
 */
public final class RequestFacts {

    private static final String PREFIX = "unicorn.fact.";
    private static final String PROPERTY = "unicorn.facts";

    private RequestFacts() {}

    /**
     * Remembers a fact on the exchange, for any problem document its route answers, and on the
     * servlet request when the exchange came in over HTTP (call it before the headers are cleared),
     * for the request timeout's.
     */
    public static void remember(Exchange exchange, String name, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = exchange.getProperty(PROPERTY, Map.class);
        if (facts == null) {
            facts = new LinkedHashMap<>();
            exchange.setProperty(PROPERTY, facts);
        }
        facts.put(name, value);
        // the request travels in a header once a processor has replaced the HTTP message
        if (exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST) instanceof HttpServletRequest request) {
            request.setAttribute(PREFIX + name, value);
        }
    }

    /** The facts remembered on the exchange so far. */
    static Map<String, Object> of(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = exchange.getProperty(PROPERTY, Map.class);
        return facts == null ? Map.of() : facts;
    }

    static Map<String, Object> of(WebRequest request) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
            if (name.startsWith(PREFIX)) {
                facts.put(name.substring(PREFIX.length()), request.getAttribute(name, RequestAttributes.SCOPE_REQUEST));
            }
        }
        return facts;
    }
}
