package com.unicornstore.platform.observability;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;

/**
 * Puts the purchase an exchange works for (header {@value #HEADER}) into the logging context as
 * {@value #MDC_KEY} while each step of a route runs, so every line a purchase's routes log names it,
 * beside the trace id Camel's tracer puts there. Camel's MDC logging carries the key over to the
 * threads an asynchronous step continues on ({@code camel.main.mdc-logging-keys-pattern}).
 */
public final class PurchaseIdLogging implements InterceptStrategy {

    /** The header the purchase routes, the saga's steps and the points consumer carry the purchase id in. */
    public static final String HEADER = "purchaseId";
    /** The logging context key. */
    public static final String MDC_KEY = "purchase_id";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Object purchaseId = exchange.getMessage().getHeader(HEADER);
                if (purchaseId == null) {
                    return super.process(exchange, callback);
                }
                String before = MDC.get(MDC_KEY);
                MDC.put(MDC_KEY, purchaseId.toString());
                try {
                    return super.process(exchange, callback);
                } finally {
                    if (before == null) {
                        MDC.remove(MDC_KEY);
                    } else {
                        MDC.put(MDC_KEY, before);
                    }
                }
            }
        };
    }
}
