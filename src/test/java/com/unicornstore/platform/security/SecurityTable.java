package com.unicornstore.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's Security table, read from README.md itself: one row per route, one cell per kind of caller. */
record SecurityTable(List<Row> rows) {

    static final String HEADER = "| route | anonymous | shopper, own | shopper, other's | integrator needs "
            + "| integrator without it | integrator with it | operator |";
    private static final Pattern ROUTE = Pattern.compile("`(GET|POST|PATCH|DELETE|PUT) (/[^`]*)`");
    private static final Pattern SCOPE = Pattern.compile("`([a-z]+(?::[a-z]+)?)`");

    /** One route and what each caller gets: "yes" (let in) or a status. */
    record Row(String method, String path, String anonymous, String shopperOwn, String shopperOther,
            Set<String> scopes, String integratorWithout, String integratorWith, String operator) {

        String route() {
            return method + " " + path;
        }
    }

    static SecurityTable fromReadme() {
        try {
            return parse(Files.readAllLines(Path.of("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecurityTable parse(List<String> lines) {
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new IllegalStateException("README.md has no Security table headed " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(row(line));
        }
        return new SecurityTable(List.copyOf(rows));
    }

    private static Row row(String line) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|");
        if (cells.length != 8) {
            throw new IllegalStateException("a Security table row needs 8 cells: " + line);
        }
        Matcher route = ROUTE.matcher(cells[0]);
        if (!route.find()) {
            throw new IllegalStateException("a Security table row names no `METHOD /path`: " + line);
        }
        Set<String> scopes = new LinkedHashSet<>();
        Matcher scope = SCOPE.matcher(cells[4]);
        while (scope.find()) {
            scopes.add(scope.group(1));
        }
        return new Row(route.group(1), route.group(2), cell(cells[1]), cell(cells[2]), cell(cells[3]), Set.copyOf(scopes),
                cell(cells[5]), cell(cells[6]), cell(cells[7]));
    }

    private static String cell(String text) {
        String value = text.trim();
        if (!value.matches("yes|401|403|404")) {
            throw new IllegalStateException("a Security table cell is yes, 401, 403 or 404, not '" + value + "'");
        }
        return value;
    }
}
