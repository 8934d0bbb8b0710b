package com.unicornstore.platform.aws;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls the platform makes, per "Service.Operation". Round trips are the cost
 * that matters here, so tests read these counts to catch a change that adds one, and operators read
 * them as the counter {@value #METER} (tags {@code service}, {@code operation}: a bounded set).
 */
public final class AwsCallCounter implements ExecutionInterceptor, MeterBinder {

    /** The meter the counts are exported as. */
    public static final String METER = "unicorn.aws.calls";

    private final String meter;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    public AwsCallCounter() {
        this(METER);
    }

    /** A counter of its own, exported as {@code meter}: e.g. the events-stream reader's calls. */
    public AwsCallCounter(String meter) {
        this.meter = meter;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(service + "." + operation, k -> {
            LongAdder adder = new LongAdder();
            registries.forEach(registry -> register(registry, service, operation, adder));
            return adder;
        }).increment();
    }

    /** Exports every operation counted so far and each one counted later. */
    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        calls.forEach((key, adder) -> {
            int dot = key.indexOf('.');
            register(registry, key.substring(0, dot), key.substring(dot + 1), adder);
        });
    }

    private void register(MeterRegistry registry, String service, String operation, LongAdder adder) {
        FunctionCounter.builder(meter, adder, LongAdder::sum).tag("service", service).tag("operation", operation)
                .description("AWS SDK calls (before the SDK's own retries)").register(registry);
    }

    /** The counts so far, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /** Calls made between two snapshots, leaving out operations that did not change. */
    public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((key, count) -> {
            long diff = count - before.getOrDefault(key, 0L);
            if (diff != 0) {
                delta.put(key, diff);
            }
        });
        return delta;
    }
}
