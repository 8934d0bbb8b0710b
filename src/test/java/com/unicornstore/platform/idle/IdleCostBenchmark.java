package com.unicornstore.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.aws.StreamReaderClients;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An idle instance with the shipped settings: SQS long polls (19 s in the local profile), the stream
 * polled every 1.5 s, the sweeps at their configured pace. {@link IdleCostBeforeBenchmark} measures the
 * settings this replaced.
 */
@PlatformIntegrationTest
class IdleCostBenchmark {

    /** A fifth of the least {@link IdleCostBeforeBenchmark} accepts (it counted 494 a minute). */
    static final long AT_MOST_PER_MINUTE = 90;

    @Autowired
    AwsCallCounter counter;

    @Autowired
    StreamReaderClients reader;

    @Test
    void an_idle_instance_makes_at_most_a_fifth_of_the_calls_it_used_to() {
        Map<String, Long> calls = IdleCalls.perMinute(counter, reader.counter(), "shipped settings");

        // two queue consumers: points-commands and the partner-orders channel
        assertThat(calls.getOrDefault("Sqs.ReceiveMessage", 0L)).as("long polls of 19 s (ElasticMQ's limit), 20 s in AWS")
                .isLessThanOrEqualTo(2 * 4);
        assertThat(IdleCalls.total(calls)).as("calls per idle minute " + calls).isLessThanOrEqualTo(AT_MOST_PER_MINUTE);
    }
}
