package com.unicornstore.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An idle instance with the shipped settings: SQS long polls (19 s in the local profile), one index
 * shard per sweep, the sweeps and gauges at their configured pace, the stream reader's leases and
 * polls. {@link IdleCostBeforeBenchmark} measures the settings this replaced, in the same run.
 */
@PlatformIntegrationTest
class IdleCostBenchmark {

    /** A fifth of the least {@link IdleCostBeforeBenchmark} accepts. */
    static final long AT_MOST_PER_MINUTE = 80;

    @Autowired
    AwsCallCounter counter;

    @Autowired
    StreamReaderClients reader;

    @Autowired
    Environment environment;

    @Test
    void an_idle_instance_makes_at_most_a_fifth_of_the_calls_it_used_to() {
        Map<String, Double> calls = IdleCalls.perMinute(environment, counter, reader.counter(), IdleCalls.SHIPPED);

        // two queue consumers, points-commands and the partner-orders channel: one receive per long poll each
        assertThat(IdleCalls.of(calls, "Sqs.ReceiveMessage")).as("long polls of 19 s (ElasticMQ's limit), 20 s in AWS")
                .isLessThanOrEqualTo(2 * 4);
        assertThat(IdleCalls.total(calls)).isLessThanOrEqualTo(AT_MOST_PER_MINUTE);
    }

    @AfterAll
    static void compareWithTheSettingsBefore() {
        IdleCalls.compareOnceBothMeasured();
    }
}
