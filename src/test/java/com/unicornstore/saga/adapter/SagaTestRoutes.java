package com.unicornstore.saga.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaCompletionMode;
import org.apache.camel.model.SagaPropagation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A two-participant saga for exercising the saga service, with participants that record what they were asked. */
@TestConfiguration(proxyBeanMethods = false)
class SagaTestRoutes {

    /** Records calls; can refuse the first N compensations or completions of step a. */
    static final class Participants {
        private final List<String> calls = new ArrayList<>();
        private final AtomicInteger undoAFailures = new AtomicInteger();
        private final AtomicInteger confirmAFailures = new AtomicInteger();
        private volatile String sagaId;

        synchronized void record(String call, Exchange exchange) {
            calls.add(call);
            sagaId = exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        }

        void undoA(Exchange exchange) {
            record("undo-a:" + exchange.getMessage().getHeader("item"), exchange);
            if (undoAFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("undo-a refused");
            }
        }

        void confirmA(Exchange exchange) {
            record("confirm-a", exchange);
            if (confirmAFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("confirm-a refused");
            }
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        String sagaId() {
            return sagaId;
        }

        void failUndoA(int times) {
            undoAFailures.set(times);
        }

        void failConfirmA(int times) {
            confirmAFailures.set(times);
        }

        synchronized void reset() {
            calls.clear();
            undoAFailures.set(0);
            confirmAFailures.set(0);
            sagaId = null;
        }
    }

    @Bean
    Participants participants() {
        return new Participants();
    }

    @Bean
    RouteBuilder sagaTestRoutes(Participants participants, DurableSagaService service) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:saga.test-order").routeId("saga.test-order")
                        .saga().propagation(SagaPropagation.REQUIRED)
                        .to("direct:saga.test-step-a")
                        .to("direct:saga.test-step-b")
                        .filter(header("fail").isEqualTo("yes"))
                            .throwException(new IllegalStateException("order refused"))
                        .end();

                // a lease renewal between the saga's start and its first step
                from("direct:saga.test-renewal-first").routeId("saga.test-renewal-first")
                        .saga().propagation(SagaPropagation.REQUIRED)
                        .process(e -> service.renewLeases())
                        .to("direct:saga.test-step-a")
                        .to("direct:saga.test-step-b")
                        .filter(header("fail").isEqualTo("yes"))
                            .throwException(new IllegalStateException("order refused"))
                        .end();

                // the route ends and leaves its saga RUNNING: its coordinator object is gone with the exchange
                from("direct:saga.test-left-open").routeId("saga.test-left-open")
                        .saga().propagation(SagaPropagation.REQUIRED).completionMode(SagaCompletionMode.MANUAL)
                        .to("direct:saga.test-step-a")
                        .to("direct:saga.test-step-b");

                from("direct:saga.test-step-a").routeId("saga.test-step-a")
                        .saga().propagation(SagaPropagation.MANDATORY)
                            .option("item", header("item"))
                            .compensation("direct:saga.test-undo-a").completion("direct:saga.test-confirm-a")
                        .process(e -> participants.record("do-a", e));
                from("direct:saga.test-step-b").routeId("saga.test-step-b")
                        .saga().propagation(SagaPropagation.MANDATORY)
                            .compensation("direct:saga.test-undo-b").completion("direct:saga.test-confirm-b")
                        .process(e -> participants.record("do-b", e));

                from("direct:saga.test-undo-a").routeId("saga.test-undo-a").process(participants::undoA);
                from("direct:saga.test-undo-b").routeId("saga.test-undo-b").process(e -> participants.record("undo-b", e));
                from("direct:saga.test-confirm-a").routeId("saga.test-confirm-a")
                        .process(participants::confirmA);
                from("direct:saga.test-confirm-b").routeId("saga.test-confirm-b")
                        .process(e -> participants.record("confirm-b", e));
            }
        };
    }
}
