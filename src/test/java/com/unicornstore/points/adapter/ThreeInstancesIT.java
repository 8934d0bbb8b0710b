package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.UnicornStoreApplication;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.support.Api;
import com.unicornstore.support.ForkedApplication;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Rebuilds;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Three platform JVMs on one set of backends: this test's application and two forked instances,
 * points traffic on all three. The instance holding the stream's lease is killed with kill -9 and a
 * fresh one is started: the lease moves on within the failover time, the balances converge to the
 * event store (the rebuild finds no difference), and the fresh instance, which takes the killed
 * one's lease, resumes from the checkpoint, reading under a tenth of the records checkpointed
 * before the kill. The survivor has a long failover time, so the lease goes to the fresh instance.
 * An instance stopped with SIGTERM checkpoints and gives its lease back before it exits: the next
 * reader takes the lease at its first look and reads exactly the records after that checkpoint.
 */
@PlatformIntegrationTest
class ThreeInstancesIT extends PointsClient {

    private static final Pattern WORKER_PID = Pattern.compile("worker-(\\d+)-");
    private static final List<String> FAST_FAILOVER = List.of("--points.projection.stream.failover=3s");
    private static final List<String> SLOW_FAILOVER = List.of("--points.projection.stream.failover=60s");
    private static final int ACCOUNTS = 6;

    @Autowired
    BalanceStreamWorker worker;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DynamoDbStreamsClient streams;

    @Autowired
    AwsResourceNames names;

    @Autowired
    MeterRegistry meters;

    @Value("${points.projection.stream.stop-timeout}")
    Duration stopTimeout;

    @Value("${points.projection.stream.failover}")
    Duration failover;

    private final List<ForkedApplication> forks = new ArrayList<>();
    private final long[] expected = new long[ACCOUNTS];

    @AfterEach
    void stopForks() {
        ForkedApplication.closeAll(forks, Duration.ofSeconds(30)); // leases given back: no stall for the next test
        if (!worker.isRunning()) {
            worker.start();
        }
    }

    @Test
    void after_kill_minus_9_of_the_reader_a_fresh_instance_resumes_from_its_checkpoint_and_the_balances_equal_the_event_store() {
        worker.stop(); // this instance serves traffic but leaves the stream to the forks
        ForkedApplication first = fork("first", FAST_FAILOVER);
        ready(first);
        await("the first fork reads the stream").atMost(Duration.ofSeconds(60))
                .until(() -> leaseOwnerPid().equals(Optional.of(first.pid())));
        ForkedApplication survivor = fork("survivor", SLOW_FAILOVER);
        ready(survivor);
        traffic("three-", List.of(api, new Api(first.port()), new Api(survivor.port())), 60);
        await("the traffic so far checkpointed").atMost(Duration.ofSeconds(60))
                .until(() -> checkpoint().equals(lastSequenceNumber()));

        long checkpointed = recordsUpTo(checkpoint());
        first.killHard();
        ForkedApplication fresh = fork("fresh", FAST_FAILOVER);
        ready(fresh);
        traffic("three-", List.of(api, new Api(survivor.port()), new Api(fresh.port())), 3);

        await("the balances converge").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                assertThat(balanceOf("three-" + i)).isEqualTo(expected[i]);
            }
        });
        var report = Rebuilds.run(api, "");
        assertThat(report.get("differences")).as("views equal the event store, nothing applied twice").isEmpty();
        assertThat(leaseOwnerPid()).as("the fresh instance took the lease over").contains(fresh.pid());
        assertThat(recordsRead(fresh)).as("read by the fresh instance, of %s checkpointed", checkpointed)
                .isPositive().isLessThan(checkpointed / 10);
        assertThat(recordsRead(survivor)).as("the survivor never read").isZero();
    }

    /**
     * SIGTERM, as an orchestrator stops a task, to the reader while it reads: within the stop timeout
     * its lease has no owner any more, with the checkpoint of what it projected. This instance then
     * takes the lease at its first look, well before the stopped one's 60 s failover (or its own) would
     * let it, and reads exactly the records after that checkpoint (those written since, at least):
     * nothing lost, nothing read twice.
     */
    @Test
    void on_sigterm_the_reader_checkpoints_and_gives_its_lease_back_and_the_next_one_takes_it_at_once() {
        long ownPid = ProcessHandle.current().pid();
        await("this instance reads the stream").atMost(Duration.ofSeconds(60))
                .until(() -> leaseOwnerPid().equals(Optional.of(ownPid)));
        worker.stop();
        ForkedApplication stopping = fork("stopping", SLOW_FAILOVER);
        ready(stopping);
        await("the fork takes the lease given back").atMost(Duration.ofSeconds(30))
                .until(() -> leaseOwnerPid().equals(Optional.of(stopping.pid())));
        traffic("sigterm-", List.of(api, new Api(stopping.port())), 10);

        stopping.sigterm();
        await("the lease given back within the stop timeout").atMost(stopTimeout.plusSeconds(2))
                .until(() -> !lease().containsKey("leaseOwner"));
        String checkpoint = checkpoint();
        assertThat(stopping.awaitExit(Duration.ofSeconds(30))).as("exited after SIGTERM (see %s)", stopping.output())
                .isTrue();
        traffic("sigterm-", List.of(api), 2); // written while nobody reads the stream
        double readBefore = meters.counter(BalanceStreamWorker.RECORDS_READ).count();
        worker.start();

        await("taken at the first look, not after a failover").atMost(failover)
                .until(() -> leaseOwnerPid().equals(Optional.of(ownPid)));
        await("the balances converge").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                assertThat(balanceOf("sigterm-" + i)).isEqualTo(expected[i]);
            }
        });
        assertThat(meters.counter(BalanceStreamWorker.RECORDS_READ).count() - readBefore)
                .as("read after the stopped reader's checkpoint %s", checkpoint).isPositive()
                .isEqualTo(recordsAfter(checkpoint));
    }

    private ForkedApplication fork(String name, List<String> settings) {
        ForkedApplication fork = ForkedApplication.start(UnicornStoreApplication.class,
                Path.of("target", "three-instances", name + ".log"), settings);
        forks.add(fork);
        return fork;
    }

    /** Serving (its routes started) and its stream reader prepared. */
    private static void ready(ForkedApplication fork) {
        fork.awaitReady(Duration.ofSeconds(120));
        fork.awaitOutput("Reading stream", Duration.ofSeconds(60));
    }

    /** Issues {@code rounds} points per account ({@code prefix} and its number), spread over the instances. */
    private void traffic(String prefix, List<Api> instances, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < ACCOUNTS; i++) {
                Api on = instances.get((round + i) % instances.size());
                int amount = 1 + (round + i) % 5;
                assertThat(on.json("POST", "/points", "{\"account_id\":\"" + prefix + i + "\",\"amount\":" + amount + "}")
                        .status()).isEqualTo(201);
                expected[i] += amount;
            }
        }
    }

    private long recordsRead(ForkedApplication instance) {
        String metrics = new Api(instance.port()).get("/actuator/prometheus").body();
        Matcher line = Pattern.compile("(?m)^unicorn_projection_stream_records_total(\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
        return line.find() ? (long) Double.parseDouble(line.group(2)) : 0;
    }

    private Optional<Long> leaseOwnerPid() {
        AttributeValue owner = lease().get("leaseOwner");
        if (owner == null || owner.s() == null) {
            return Optional.empty();
        }
        Matcher pid = WORKER_PID.matcher(owner.s());
        return pid.find() ? Optional.of(Long.parseLong(pid.group(1))) : Optional.empty();
    }

    private Map<String, AttributeValue> lease() {
        return EventStreamRecords.lease(dynamo, streams, names);
    }

    private String checkpoint() {
        return EventStreamRecords.checkpoint(dynamo, streams, names);
    }

    private String lastSequenceNumber() {
        return EventStreamRecords.lastSequenceNumber(streams, names.tables().pointEvents());
    }

    private long recordsUpTo(String sequenceNumber) {
        var limit = new BigInteger(sequenceNumber);
        return EventStreamRecords.all(streams, names.tables().pointEvents()).stream()
                .filter(r -> new BigInteger(r.dynamodb().sequenceNumber()).compareTo(limit) <= 0).count();
    }

    private double recordsAfter(String sequenceNumber) {
        return EventStreamRecords.all(streams, names.tables().pointEvents()).size() - recordsUpTo(sequenceNumber);
    }
}
