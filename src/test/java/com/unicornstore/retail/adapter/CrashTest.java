package com.unicornstore.retail.adapter;

import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.support.ForkedApplication;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the crash tests share: shoppers with a product of their own, a second instance (A) in its
 * own JVM that a test kills with {@code kill -9}, and the clients that call it; A is always killed.
 */
abstract class CrashTest extends StoreClient {

    static final long PRICE = 500;
    static final long STOCK = 10;
    static final long BALANCE = 1000;
    static final long POINTS = 50; // the demo campaign: a tenth of a total over 100
    /**
     * Instance A's setting: it leaves the events stream to B. A killed reader's shard waits for its
     * lease to lapse (points.projection.stream.failover) and for the next lease round, which would
     * stall the projection of this test and the next ones.
     */
    static final String NOT_READING_THE_STREAM = "--points.projection.stream.enabled=false";

    @Autowired
    SagaLog sagas;

    ForkedApplication instanceA;
    final ExecutorService clients = Executors.newFixedThreadPool(2);

    /** The shoppers the test needs, each with a product of their own. */
    abstract List<String> crashShoppers();

    @BeforeEach
    void shoppers() {
        for (String shopper : crashShoppers()) {
            shopperWithOwnProduct(shopper, PRICE, STOCK, BALANCE);
        }
    }

    @AfterEach
    void killInstanceA() {
        clients.shutdownNow();
        if (instanceA != null) {
            instanceA.close();
        }
    }
}
