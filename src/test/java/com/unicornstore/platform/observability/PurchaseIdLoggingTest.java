package com.unicornstore.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Each step of a purchase's route runs with the purchase id in the logging context, and only that step. */
class PurchaseIdLoggingTest {

    @Test
    void every_step_of_a_purchases_exchange_logs_with_its_purchase_id_and_no_other_exchange_does() throws Exception {
        List<String> seen = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().addInterceptStrategy(new PurchaseIdLogging());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:test.steps").routeId("test.steps")
                            .process(exchange -> seen.add(MDC.get(PurchaseIdLogging.MDC_KEY)))
                            .to("direct:test.next");
                    from("direct:test.next").routeId("test.next")
                            .process(exchange -> seen.add(MDC.get(PurchaseIdLogging.MDC_KEY)));
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();

            producer.sendBodyAndHeader("direct:test.steps", "order", PurchaseIdLogging.HEADER, "purchase-1");
            assertThat(MDC.get(PurchaseIdLogging.MDC_KEY)).as("restored after the exchange").isNull();
            producer.sendBody("direct:test.steps", "no purchase");
        }

        assertThat(seen).containsExactly("purchase-1", "purchase-1", null, null);
    }
}
