package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.application.AccountCommands;
import com.unicornstore.points.domain.BucketPolicy;
import com.unicornstore.points.domain.PointsAccount;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.RedeemPoints;

import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The application under test and a second instance of the ledger (its own cache, the same tables)
 * working on the same accounts: the conditional append is what keeps them right.
 */
@PlatformIntegrationTest
class TwoInstancesIT extends PointsClient {

    private static final Duration TTL = Duration.ofDays(365);

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    AwsResourceNames names;

    @Autowired
    DynamoBalanceViews views;

    Snapshots snapshots;
    ExecutorService clients;

    @BeforeEach
    void setUp() {
        snapshots = new Snapshots(dynamo, names.tables().pointSnapshots(), 100, PointsAccount.DEFAULT_REMEMBERED);
        clients = Executors.newFixedThreadPool(20);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
        snapshots.close();
    }

    @Test
    void redemptions_racing_from_two_instances_never_overdraw() throws Exception {
        AccountCommands other = secondInstance(10);
        assertThat(api.json("POST", "/points", "{\"account_id\":\"shared\",\"amount\":100}").status()).isEqualTo(201);
        List<Callable<Boolean>> redemptions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            redemptions.add(() -> api.json("DELETE", "/points", "{\"account_id\":\"shared\",\"amount\":10}").status() == 200);
            String command = "other-" + i; // one correlation id is one command: each redemption has its own
            redemptions.add(() -> succeeds(() -> other.execute(new RedeemPoints("shared", 10, command))));
        }

        long succeeded = 0;
        for (Future<Boolean> outcome : clients.invokeAll(redemptions)) {
            succeeded += outcome.get() ? 1 : 0;
        }

        assertThat(succeeded).isEqualTo(10);
        assertThat(historyOf("shared")).hasSize(11);
        assertThat(api.json("DELETE", "/points", "{\"account_id\":\"shared\",\"amount\":1}").status()).isEqualTo(409);
    }

    @Test
    void a_writer_that_keeps_losing_the_race_gives_up_with_a_409_after_its_attempts() {
        AccountCommands stale = secondInstance(1);
        stale.execute(new IssuePoints("contended", 50, "other"));
        api.json("POST", "/points", "{\"account_id\":\"contended\",\"amount\":5}");

        assertThatThrownBy(() -> stale.execute(new RedeemPoints("contended", 10, "other")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("concurrent-modification"));
        assertThat(historyOf("contended")).hasSize(2);
    }

    private AccountCommands secondInstance(int maxAttempts) {
        DynamoPointsLedger ledger = new DynamoPointsLedger(dynamo, names.tables().pointEvents(), new AccountCache(100),
                snapshots, new DynamoPurchaseRecords(dynamo, names.tables().pointCorrelations(), Duration.ofDays(45)),
                Clock.systemUTC());
        return new AccountCommands(ledger, Clock.systemUTC(), new BucketPolicy(TTL, Duration.ofDays(1)), maxAttempts);
    }

    private static boolean succeeds(Runnable command) {
        try {
            command.run();
            return true;
        } catch (Rejection refused) {
            return false;
        }
    }
}
