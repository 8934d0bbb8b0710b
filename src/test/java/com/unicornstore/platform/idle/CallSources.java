package com.unicornstore.platform.idle;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every AWS SDK call of this JVM while recording, by what made it (the thread: a timer, a queue
 * consumer, the stream reader's lease renewer ...) and operation. The SDK adds it to every client
 * it builds (test resources, {@code software/amazon/awssdk/global/handlers/execution.interceptors}),
 * whoever configured the client; it counts nothing unless {@link #record} was called.
 */
public final class CallSources implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static volatile boolean recording;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (recording) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            CALLS.computeIfAbsent(source(Thread.currentThread().getName()) + " " + operation, k -> new LongAdder())
                    .increment();
        }
    }

    /** "Camel (unicorn-store) thread #7 - timer://saga-recovery" is timer://saga-recovery; "LeaseRenewer-0001" is LeaseRenewer. */
    static String source(String thread) {
        int dash = thread.indexOf(" - ");
        String name = dash >= 0 ? thread.substring(dash + 3) : thread;
        int query = name.indexOf('?');
        return (query >= 0 ? name.substring(0, query) : name).replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }

    /** Forgets what was counted and counts from now on. */
    static void record() {
        CALLS.clear();
        recording = true;
    }

    /** Stops counting: the calls since {@link #record}, by "source Service.Operation". */
    static Map<String, Long> stop() {
        recording = false;
        Map<String, Long> counted = new TreeMap<>();
        CALLS.forEach((key, count) -> counted.put(key, count.sum()));
        return counted;
    }
}
