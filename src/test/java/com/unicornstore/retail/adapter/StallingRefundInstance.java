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
 * Instance A of {@link RefundCrashIT}, run as a child JVM (tests only): the whole platform, except
 * that the refund of one purchase stalls inside its completion, after the points were taken back
 * and before that count is recorded (saga COMPLETING), and the refund of another stalls once it
 * made the purchase REFUNDING (saga RUNNING), until the process is killed.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty("crash-test.stall-refund-completing")
class StallingRefundInstance {

    static final String ARMED = "REFUND CRASH-TEST STALLS ARMED";

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {UnicornStoreApplication.class, StallingRefundInstance.class}, args);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> stallRefunds(CamelContext camel,
            @Value("${crash-test.stall-refund-completing}") String completingPurchase,
            @Value("${crash-test.stall-refund-running}") String runningPurchase) {
        return ready -> {
            try {
                AdviceWith.adviceWith(camel, "retail.complete-refund", a -> a.weaveById("refund-record-points-revoked")
                        .before().process(e -> stallIfPurchase(e, completingPurchase)));
                AdviceWith.adviceWith(camel, "retail.begin-refund", a -> a.weaveById("refund-begin")
                        .after().process(e -> stallIfPurchase(e, runningPurchase)));
            } catch (Exception e) {
                throw new IllegalStateException("Could not weave the stalls in", e);
            }
            System.out.println(ARMED);
        };
    }

    /** Blocks the exchange's thread for good: only kill -9 ends it. */
    private static void stallIfPurchase(Exchange exchange, String purchaseId) throws InterruptedException {
        if (purchaseId.equals(exchange.getMessage().getHeader("purchaseId", String.class))) {
            System.out.println("CRASH-TEST stalling " + exchange.getFromRouteId() + " for " + purchaseId);
            new CountDownLatch(1).await();
        }
    }
}
