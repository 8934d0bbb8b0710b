package com.unicornstore.campaign.adapter;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.unicornstore.campaign.domain.PathLanguage;
import com.unicornstore.campaign.domain.RulePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSONPath by Jayway json-path (the engine behind camel-jsonpath), restricted to the subset of
 * {@link RulePaths} (no regular expressions, deep scans or functions) before Jayway parses and checks
 * the expression; a path that finds nothing reads as null (an indefinite one as an empty list) instead
 * of failing. Paths written as a plain chain of property names ({@code $.customer.tier}), the usual
 * case in rules, are read by following that chain through the event's maps, which is what Jayway's
 * evaluator does for them, minus its per-read set-up (a test holds the two to the same answers);
 * every other path (brackets, indexes, wildcards, filters, functions) is read by Jayway's evaluator.
 */
public final class JaywayPaths implements PathLanguage {

    private static final Configuration READING = Configuration.defaultConfiguration()
            .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS);

    @Override
    public DocumentPath compile(String expression) {
        RulePaths.check(expression);
        JsonPath path;
        try {
            path = JsonPath.compile(expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "does not parse" : e.getMessage());
        }
        String[] names = dottedNames(expression);
        return names == null ? new EvaluatedPath(expression, path) : new PropertyChain(expression, names);
    }

    /**
     * The names of a path written {@code $.name.name...} with plain names (letters, digits, '_'),
     * or null for any other form, which Jayway's evaluator then reads.
     */
    static String[] dottedNames(String expression) {
        List<String> names = new ArrayList<>();
        int i = 1;
        while (i < expression.length()) {
            if (expression.charAt(i) != '.') {
                return null;
            }
            int start = ++i;
            while (i < expression.length() && isNameChar(expression.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            names.add(expression.substring(start, i));
        }
        return names.isEmpty() ? null : names.toArray(String[]::new);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Any path, read by Jayway's evaluator. */
    private record EvaluatedPath(String expression, JsonPath path) implements DocumentPath {
        @Override
        public boolean definite() {
            return path.isDefinite();
        }

        @Override
        public Object read(Map<String, ?> document) {
            return path.read(document, READING);
        }
    }

    /** A definite path of property names only: each step is one map look-up; a missing step finds nothing. */
    private record PropertyChain(String expression, String[] names) implements DocumentPath {
        @Override
        public boolean definite() {
            return true;
        }

        @Override
        public boolean cheapToRead() {
            return true;
        }

        @Override
        public Object read(Map<String, ?> document) {
            // the document is a map: its own step needs no type check (a check against an interface
            // costs a scan of the class's interfaces when it fails or the JIT has no profile of it)
            Object current = document.get(names[0]);
            for (int i = 1; i < names.length; i++) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(names[i]);
            }
            return current;
        }
    }
}
