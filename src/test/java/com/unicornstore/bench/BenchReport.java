package com.unicornstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code results.md} (the table) and {@code results.svg} (each throughput and latency row's value
 * against its baseline, as a pair of bars scaled to the larger of the two, with the rounds' spread
 * as a whisker), rendered from the rows of {@code results.json}. Hand-written SVG: no chart library.
 */
final class BenchReport {

    private static final int LABEL = 430;
    private static final int BAR = 360;
    private static final int ROW = 46;

    private BenchReport() {}

    static void write(List<BenchResults.Row> rows, Path directory) throws IOException {
        Files.writeString(directory.resolve("results.md"), markdown(rows));
        Files.writeString(directory.resolve("results.svg"), svg(rows.stream().filter(BenchReport::charted).toList()));
    }

    static String markdown(List<BenchResults.Row> rows) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n")
                .append("Value and baseline are the medians of alternating rounds (A-B-A-B, after a warm-up of each),")
                .append(" measured in the same run on the same backends; ratio = value / baseline;")
                .append(" spread = [min..max] of the rounds.\n\n")
                .append("| row | metric | value | baseline | ratio | spread (value) | spread (baseline) | rounds |\n")
                .append("|---|---|---:|---:|---:|---|---|---:|\n");
        for (BenchResults.Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f | [%s..%s] | [%s..%s] | %d |%n",
                    row.scenario(), row.metric(), figure(row.value()), figure(row.baseline()), row.ratio(),
                    figure(row.valueMin()), figure(row.valueMax()), figure(row.baselineMin()),
                    figure(row.baselineMax()), row.rounds()));
        }
        return md.append("\n![throughput and latency against their baselines](results.svg)\n").toString();
    }

    /** Throughput (per second) and latency (ms) rows; ratios and CPU costs stay in the table. */
    static boolean charted(BenchResults.Row row) {
        String metric = row.metric();
        return metric.contains("per_second") || metric.contains("/s") || metric.contains("_ms");
    }

    static String svg(List<BenchResults.Row> rows) {
        int height = 40 + rows.size() * ROW + 30;
        int width = LABEL + BAR + 170;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"20\" font-size=\"14\">Value (dark) against its same-run baseline"
                        + " (light), medians of the rounds, whiskers = min..max</text>%n", width, height));
        int y = 40;
        for (BenchResults.Row row : rows) {
            double scale = BAR / Math.max(1e-9, Math.max(row.valueMax(), row.baselineMax()));
            svg.append(text(10, y + 14, row.scenario()));
            svg.append(text(10, y + 30, row.metric()));
            svg.append(bar(y + 2, row.value(), row.valueMin(), row.valueMax(), scale, "#1f4e79"));
            svg.append(bar(y + 20, row.baseline(), row.baselineMin(), row.baselineMax(), scale, "#9dc3e6"));
            svg.append(text(LABEL + BAR + 80, y + 22, String.format(Locale.ROOT, "ratio %.3f", row.ratio())));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bar(int y, double median, double min, double max, double scale, String colour) {
        int whiskerY = y + 7;
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>%n"
                        + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n"
                        + "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                LABEL, y, median * scale, colour, LABEL + min * scale, whiskerY, LABEL + max * scale, whiskerY,
                LABEL + max * scale + 6, y + 12, figure(median));
    }

    private static String text(int x, int y, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y,
                content.replace("&", "&amp;").replace("<", "&lt;"));
    }

    private static String figure(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
