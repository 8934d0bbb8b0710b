package com.unicornstore.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.support.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The baseline of {@link IdleCostBenchmark}: the same code with the settings main shipped before
 * issue 12 (sweeps of every index shard every time, 1 s SQS polls, the stream read every 200 ms).
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"unicorn.aws.long-poll=1s", "points.projection.poll-delay=200",
        "unicorn.saga.recovery-interval=5s", "unicorn.retail.pending-recovery.interval=10s",
        "points.expiry.check-period=30s", "unicorn.saga.census-interval=30s",
        "unicorn.observability.queue-depth-interval=30s", "unicorn.sweeps.shards-per-sweep=8"})
class IdleCostBeforeBenchmark {

    @Autowired
    AwsCallCounter counter;

    @Autowired
    StreamReaderClients reader;

    @Autowired
    Environment environment;

    @Test
    void an_idle_instance_with_the_old_settings_makes_five_times_the_calls() {
        var calls = IdleCalls.perMinute(environment, counter, reader.counter(), IdleCalls.BEFORE);

        assertThat(IdleCalls.total(calls)).isGreaterThanOrEqualTo(5.0 * IdleCostBenchmark.AT_MOST_PER_MINUTE);
    }

    @AfterAll
    static void compareWithTheShippedSettings() {
        IdleCalls.compareOnceBothMeasured();
    }
}
