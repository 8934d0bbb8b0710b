package com.unicornstore.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark results file, {@code target/bench/results.json}: a list of
 * {@code {"scenario","metric","value","baseline","ratio"}} rows, each measured against a baseline
 * taken in the same run on the same backends. Rows of one scenario replace its older rows.
 */
public final class BenchResults {

    private static final Path FILE = Path.of("target", "bench", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResults() {}

    /** One measured figure and its same-run baseline; ratio = value / baseline. */
    public record Row(String scenario, String metric, double value, double baseline, double ratio) {}

    public static synchronized Row record(String scenario, String metric, double value, double baseline) {
        Row row = new Row(scenario, metric, value, baseline, baseline == 0 ? 0 : value / baseline);
        try {
            Files.createDirectories(FILE.getParent());
            List<Row> rows = new ArrayList<>(Files.exists(FILE)
                    ? JSON.readValue(FILE.toFile(), new TypeReference<List<Row>>() {}) : List.of());
            rows.removeIf(existing -> existing.scenario().equals(scenario) && existing.metric().equals(metric));
            rows.add(row);
            JSON.writeValue(FILE.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("BENCH %-45s %-22s value=%.2f baseline=%.2f ratio=%.3f%n",
                scenario, metric, value, baseline, row.ratio());
        return row;
    }
}
