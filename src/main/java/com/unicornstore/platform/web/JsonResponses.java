package com.unicornstore.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes a route's result as the JSON response of an HTTP exchange, with the status it deserves (and its ETag, {@link EntityTags}). */
public final class JsonResponses {

    /** Exchange property: the path a 201 or 202 answer names in its {@code Location} header. */
    public static final String LOCATION = "unicorn.response.location";

    private final ObjectMapper json;

    public JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public void ok(Exchange exchange) throws JsonProcessingException {
        write(exchange, 200);
    }

    public void created(Exchange exchange) throws JsonProcessingException {
        write(exchange, 201);
    }

    /** 202: accepted, and being finished (the body says where it stands). */
    public void accepted(Exchange exchange) throws JsonProcessingException {
        write(exchange, 202);
    }

    /** 204: the action succeeded and there is nothing to say. */
    public void noContent(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        message.setBody(null);
    }

    private void write(Exchange exchange, int status) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        Long version = exchange.getProperty(EntityTags.PROPERTY, Long.class);
        if (version != null) {
            message.setHeader("ETag", EntityTags.of(version));
        }
        String location = exchange.getProperty(LOCATION, String.class);
        if (location != null) {
            message.setHeader("Location", location);
        }
        message.setBody(json.writeValueAsString(body));
    }
}
