package com.unicornstore.retail.adapter;

import com.unicornstore.UnicornStoreApplication;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Instance A of {@link PurchaseCrashIT}, run as a child JVM (tests only): the whole platform,
 * except that one shopper's purchase stalls once its points are sent (saga RUNNING, every step
 * done) and another's stalls as its completion starts (saga COMPLETING, purchase still PENDING),
 * until the process is killed.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty("crash-test.stall-running")
class StallingInstance {

    /** Printed once the stalls are woven in: the parent posts purchases only after it. */
    static final String ARMED = "CRASH-TEST STALLS ARMED";

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {UnicornStoreApplication.class, StallingInstance.class}, args);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> stallPurchases(CamelContext camel,
            @Value("${crash-test.stall-running}") String runningShopper,
            @Value("${crash-test.stall-completing}") String completingShopper) {
        return ready -> {
            try {
                AdviceWith.adviceWith(camel, "retail.issue-points", a -> a.weaveByToString("Enrich\\[.*points.send-command.*")
                        .after().process(e -> stallIfShopper(e, runningShopper)));
                AdviceWith.adviceWith(camel, "retail.confirm-purchase", a -> a.weaveByToString(".*PurchaseSteps.*")
                        .before().process(e -> stallIfShopper(e, completingShopper)));
            } catch (Exception e) {
                throw new IllegalStateException("Could not weave the stalls in", e);
            }
            System.out.println(ARMED);
        };
    }

    /** Blocks the exchange's thread for good: only kill -9 ends it. */
    private static void stallIfShopper(Exchange exchange, String shopper) throws InterruptedException {
        if (shopper.equals(exchange.getMessage().getHeader("userId", String.class))) {
            System.out.println("CRASH-TEST stalling " + exchange.getFromRouteId() + " for " + shopper);
            new CountDownLatch(1).await();
        }
    }
}
