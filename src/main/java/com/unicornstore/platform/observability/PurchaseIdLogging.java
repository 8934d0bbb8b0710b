package com.unicornstore.platform.observability;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.slf4j.MDC;

/**
 * Puts what a log line of a route step must name into the logging context while that step runs:
 * the purchase the exchange works for (header {@value #HEADER}) as {@value #MDC_KEY}, and the trace
 * and span of the exchange's current Camel span as {@value #TRACE_ID} and {@value #SPAN_ID}. It reads
 * them from the exchange, not from the thread, so a step that continues on another thread (a saga
 * step, an enrich, a consumer) still logs them; each key is restored when the step ends.
 */
public final class PurchaseIdLogging implements InterceptStrategy {

    /** The header the purchase routes, the saga's steps and the points consumer carry the purchase id in. */
    public static final String HEADER = "purchaseId";
    /** The logging context key of the purchase id. */
    public static final String MDC_KEY = "purchase_id";
    /** The logging context keys of the trace and the span (the names Camel's tracer uses). */
    public static final String TRACE_ID = ActiveSpanManager.MDC_TRACE_ID;
    public static final String SPAN_ID = ActiveSpanManager.MDC_SPAN_ID;

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Object purchaseId = exchange.getMessage().getHeader(HEADER);
                SpanAdapter span = ActiveSpanManager.getSpan(exchange);
                if (purchaseId == null && span == null) {
                    return super.process(exchange, callback);
                }
                String purchaseBefore = put(MDC_KEY, purchaseId == null ? null : purchaseId.toString());
                String traceBefore = put(TRACE_ID, span == null ? null : span.traceId());
                String spanBefore = put(SPAN_ID, span == null ? null : span.spanId());
                try {
                    return super.process(exchange, callback);
                } finally {
                    restore(MDC_KEY, purchaseBefore);
                    restore(TRACE_ID, traceBefore);
                    restore(SPAN_ID, spanBefore);
                }
            }
        };
    }

    /** Puts {@code value} under {@code key} when there is one, and returns what was there. */
    private static String put(String key, String value) {
        String before = MDC.get(key);
        if (value != null) {
            MDC.put(key, value);
        }
        return before;
    }

    private static void restore(String key, String before) {
        if (before == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, before);
        }
    }
}
