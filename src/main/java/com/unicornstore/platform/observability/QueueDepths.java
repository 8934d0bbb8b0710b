package com.unicornstore.platform.observability;

import com.unicornstore.platform.provisioning.QueueSpec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The messages waiting in every declared queue and its dead-letter queue, as the gauge
 * {@value #METER} (tags {@code queue}, {@code role} = {@code work} or {@code dead-letter}). A timer
 * route calls {@link #measure}; a scrape never calls SQS.
 */
public final class QueueDepths implements MeterBinder {

    /** Gauge of visible messages per queue. */
    public static final String METER = "unicorn.queue.depth";

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);

    private final SqsClient sqs;
    /** Queue name to its role; the order the specs declare them. */
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public QueueDepths(SqsClient sqs, List<QueueSpec> queues) {
        this.sqs = sqs;
        for (QueueSpec queue : queues) {
            roles.put(queue.name(), "work");
            if (queue.deadLetterQueue() != null) {
                roles.put(queue.deadLetterQueue(), "dead-letter");
            }
        }
        roles.keySet().forEach(name -> depths.put(name, new AtomicLong()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        roles.forEach((name, role) -> Gauge.builder(METER, depths.get(name), AtomicLong::get)
                .tag("queue", name).tag("role", role)
                .description("Messages waiting in the queue (ApproximateNumberOfMessages, measured periodically)")
                .register(registry));
    }

    /** Reads each queue's depth; a queue that does not answer keeps its last value. */
    public Map<String, Long> measure() {
        Map<String, Long> measured = new LinkedHashMap<>();
        for (String name : roles.keySet()) {
            try {
                String url = urls.computeIfAbsent(name, n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl());
                String visible = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
                long depth = visible == null ? 0 : Long.parseLong(visible);
                depths.get(name).set(depth);
                measured.put(name, depth);
            } catch (RuntimeException unanswered) {
                urls.remove(name);
                LOG.debug("Depth of queue {} not measured: {}", name, unanswered.toString());
            }
        }
        return measured;
    }
}
