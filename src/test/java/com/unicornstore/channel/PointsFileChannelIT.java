package com.unicornstore.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.support.ChannelHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * routes/points-file.camel.yaml on the harness: JSON-lines files dropped in the inbox issue points once,
 * each read only once it is complete (unchanged for a second).
 */
@TestPropertySource(properties = "unicorn.channel.only=points-file")
class PointsFileChannelIT extends ChannelHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = """
            {"account_id":"file-ann","amount":50}
            {"account_id":"file-bob","amount":20}
            {"account_id":"file-ann", this is broken
            {"account_id":"file-bob","amount":-5}
            """;

    @BeforeEach
    void channelRuns() {
        awaitChannel("channel.points-file");
    }

    @Test
    void two_good_lines_are_issued_the_bad_two_reported_the_file_leaves_and_dropping_it_again_issues_nothing_more()
            throws Exception {
        // a name of this run's own: the outbox (under target/) may hold the results of an earlier run
        String batch = "batch-" + System.currentTimeMillis();
        Path dropped = drop("channels.points-file.inbox", batch + ".jsonl", FILE);

        List<JsonNode> results = awaitResults(batch, 1).get(0);
        assertThat(results).extracting(line -> line.get("status").asText()).containsExactly("ok", "ok", "error", "error");
        assertThat(results.get(2).get("detail").asText()).contains("not valid JSON");
        assertThat(results.get(3).get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(history("file-ann")).hasSize(1);
        assertThat(history("file-ann").get(0).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
        assertThat(history("file-ann").get(0).get("channel").asText()).isEqualTo("points-file");
        assertThat(history("file-bob")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dropped));

        drop("channels.points-file.inbox", batch + ".jsonl", FILE);

        List<JsonNode> again = awaitResults(batch, 2).get(1);
        assertThat(again.get(0).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
        assertThat(history("file-ann")).hasSize(1);
        assertThat(history("file-bob")).hasSize(1);
    }

    @Test
    void a_file_still_being_written_under_its_own_name_is_read_once_complete_and_each_line_is_issued_once()
            throws Exception {
        String batch = "slow-" + System.currentTimeMillis();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            content.append("{\"account_id\":\"").append(batch).append('-').append(i).append("\",\"amount\":")
                    .append(i + 1).append("}\n");
        }
        Path file = Files.createDirectories(Path.of(setting("channels.points-file.inbox"))).resolve(batch + ".jsonl");

        // the partner's writer: 16-byte parts (lines cut in the middle) every 200 ms, for about five of the
        // channel's 1 s polls; the file exists half-written all that time
        CompletableFuture<Void> written = slowWriter(file, content.toString().getBytes(StandardCharsets.UTF_8), 16);

        List<JsonNode> results = awaitResults(batch, 1).get(0);
        assertThat(written).as("read only after the last part was written").isCompleted();
        assertThat(results).hasSize(8).allSatisfy(line -> assertThat(line.get("status").asText()).isEqualTo("ok"));
        for (int i = 0; i < 8; i++) {
            assertThat(history(batch + "-" + i)).as("line %d issued once", i).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
        assertThat(resultFiles(Path.of(setting("channels.points-file.outbox")), batch)).as("read once").hasSize(1);
    }

    /** Appends {@code bytes} to {@code file} in parts of {@code part} bytes, one every 200 ms; done when all are written. */
    private static CompletableFuture<Void> slowWriter(Path file, byte[] bytes, int part) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger offset = new AtomicInteger();
        writer.scheduleAtFixedRate(() -> {
            int from = offset.get();
            int to = Math.min(bytes.length, from + part);
            try {
                Files.write(file, Arrays.copyOfRange(bytes, from, to), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
            if (offset.addAndGet(to - from) >= bytes.length || done.isDone()) {
                done.complete(null);
                writer.shutdown();
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        return done;
    }

    /** The results files of an input, oldest first, once there are {@code count}. */
    private List<List<JsonNode>> awaitResults(String input, int count) throws IOException {
        Path outbox = Path.of(setting("channels.points-file.outbox"));
        await().atMost(Duration.ofSeconds(30)).until(() -> resultFiles(outbox, input).size() >= count);
        return resultFiles(outbox, input).stream().map(PointsFileChannelIT::lines).toList();
    }

    private static List<Path> resultFiles(Path outbox, String input) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(input + ".")).sorted().toList();
        }
    }

    private static List<JsonNode> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalStateException(line, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
