package com.unicornstore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The benchmarks' concurrent clients, threads named {@value #THREAD_PREFIX}N (so {@link AppCpu} can
 * tell their CPU from the application's). A request is an {@link IntConsumer} of the client's
 * number that checks its own answer.
 */
public final class Clients implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-client-";

    private final int count;
    private final ExecutorService pool;

    public Clients(int count) {
        this.count = count;
        AtomicInteger next = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Requests completed per second by all clients together, each sending one after another for {@code duration}. */
    public double perSecond(Duration duration, IntConsumer request) {
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long done = all(client -> {
            long sent = 0;
            while (System.nanoTime() < deadline) {
                request.accept(client);
                sent++;
            }
            return sent;
        });
        return done * 1e9 / (System.nanoTime() - started);
    }

    /** {@code total} requests shared among the clients (each sends its share one after another). */
    public void send(int total, IntConsumer request) {
        all(client -> {
            long share = total / count + (client < total % count ? 1 : 0);
            for (long i = 0; i < share; i++) {
                request.accept(client);
            }
            return share;
        });
    }

    private interface ClientWork {
        long run(int client) throws Exception;
    }

    private long all(ClientWork work) {
        List<Future<Long>> clients = new ArrayList<>();
        for (int client = 0; client < count; client++) {
            int id = client;
            clients.add(pool.submit(() -> work.run(id)));
        }
        long total = 0;
        try {
            for (Future<Long> client : clients) {
                total += client.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark client failed", e);
        }
        return total;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
