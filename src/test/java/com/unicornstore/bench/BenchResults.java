package com.unicornstore.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark results file, {@code target/bench/results.json}: a list of rows
 * {@code {"scenario","metric","value","baseline","ratio","rounds","valueMin","valueMax","baselineMin","baselineMax"}}, each measured
 * against a baseline taken in the same run on the same backends, in alternating rounds
 * ({@link Rounds}): value and baseline are the medians of the rounds, ratio the ratio of the
 * medians, min/max the spread of the rounds. A row replaces the older row of its scenario and
 * metric; {@link BenchReport} renders the file as {@code results.md} and {@code results.svg}.
 */
public final class BenchResults {

    static final Path DIRECTORY = Path.of("target", "bench");
    private static final Path FILE = DIRECTORY.resolve("results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BenchResults() {}

    /** One measured figure and its same-run baseline (medians of the rounds); ratio = value / baseline. */
    public record Row(String scenario, String metric, double value, double baseline, double ratio, int rounds,
            double valueMin, double valueMax, double baselineMin, double baselineMax) {}

    public static synchronized Row record(String scenario, String metric, Rounds.Outcome outcome) {
        Row row = new Row(scenario, metric, outcome.value().median(), outcome.baseline().median(), outcome.ratio(),
                outcome.rounds(), outcome.value().min(), outcome.value().max(), outcome.baseline().min(),
                outcome.baseline().max());
        try {
            Files.createDirectories(DIRECTORY);
            List<Row> rows = new ArrayList<>(Files.exists(FILE)
                    ? JSON.readValue(FILE.toFile(), new TypeReference<List<Row>>() {}) : List.of());
            // rows of the same figure, and rows of the older shape (no rounds: not measured this way), go
            rows.removeIf(existing -> existing.rounds() == 0
                    || existing.scenario().equals(scenario) && existing.metric().equals(metric));
            rows.add(row);
            JSON.writeValue(FILE.toFile(), rows);
            BenchReport.write(rows, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("BENCH %-48s %-28s value=%.3f [%.3f..%.3f] baseline=%.3f [%.3f..%.3f] ratio=%.3f rounds=%d%n",
                scenario, metric, row.value(), row.valueMin(), row.valueMax(), row.baseline(), row.baselineMin(),
                row.baselineMax(), row.ratio(), row.rounds());
        return row;
    }
}
