package com.unicornstore.platform.security;

import com.unicornstore.platform.web.Problem;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets (Bucket4j) of requests a minute, one per name, held in this instance's memory: at
 * most {@code tracked} of them, the least recently used forgotten first. Past a bucket's limit the
 * answer is 429 {@code too-many-requests} with {@code Retry-After}.
 */
final class RateBuckets {

    private final Map<String, Bucket> buckets;

    RateBuckets(int tracked) {
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > tracked;
            }
        };
    }

    /** Takes one token from the named bucket: empty when taken, else the seconds until one is there. */
    OptionalLong take(String name, int perMinute) {
        var probe = bucket(name, perMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Gives back a token taken for a request that turned out not to count. */
    void giveBack(String name, int perMinute) {
        Bucket bucket = bucket(name, perMinute);
        if (bucket.getAvailableTokens() < perMinute) {
            bucket.addTokens(1);
        }
    }

    static void refuse(ServletProblems problems, HttpServletResponse response, String detail, long seconds)
            throws IOException {
        problems.write(response, Problem.of(429, "too-many-requests", "Too Many Requests",
                detail + "; retry after " + seconds + " s."), Map.of("Retry-After", Long.toString(seconds)));
    }

    private Bucket bucket(String name, int perMinute) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(name, any -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
        }
    }
}
