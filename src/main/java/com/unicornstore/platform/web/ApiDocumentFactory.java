package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Serves {@code /api-doc}: camel-openapi renders the REST DSL (paths, operation ids, security), and
 * {@link ApiContract} completes it with parameters, bodies, responses and schemas. Camel takes the
 * one {@link RestApiProcessorFactory} bean of the registry in place of its own.
 */
public final class ApiDocumentFactory implements RestApiProcessorFactory {

    private final RestApiProcessorFactory rendering = new OpenApiRestApiProcessorFactory();
    private final ApiContract contract;
    private final ObjectMapper json;

    public ApiDocumentFactory(ApiContract contract, ObjectMapper json) {
        this.contract = contract;
        this.json = json;
    }

    @Override
    public Processor createApiProcessor(CamelContext camel, String contextPath, RestConfiguration configuration,
            Map<String, Object> parameters) throws Exception {
        Processor render = rendering.createApiProcessor(camel, contextPath, configuration, parameters);
        CamelContextAware.trySetCamelContext(render, camel);
        return new Completing(render);
    }

    /** camel-openapi's processor, a service the route starts and stops, followed by the completion. */
    private final class Completing extends ServiceSupport implements Processor {
        private final Processor render;

        Completing(Processor render) {
            this.render = render;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            render.process(exchange);
            complete(exchange);
        }

        @Override
        protected void doStart() {
            ServiceHelper.startService(render);
        }

        @Override
        protected void doStop() {
            ServiceHelper.stopService(render);
        }
    }

    /** Only a JSON rendering is completed; the document is rendered per request, so it follows the routes. */
    private void complete(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || !body.stripLeading().startsWith("{")) {
            return;
        }
        JsonNode document = json.readTree(body);
        if (document instanceof ObjectNode object) {
            exchange.getMessage().setBody(json.writerWithDefaultPrettyPrinter().writeValueAsString(contract.complete(object)));
        }
    }
}
