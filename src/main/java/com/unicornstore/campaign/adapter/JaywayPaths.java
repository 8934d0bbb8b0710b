package com.unicornstore.campaign.adapter;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.unicornstore.campaign.domain.PathLanguage;

/**
 * JSONPath by Jayway json-path (the engine behind camel-jsonpath). A path that finds nothing reads
 * as null (an indefinite one as an empty list) instead of failing.
 */
public final class JaywayPaths implements PathLanguage {

    private static final Configuration READING = Configuration.defaultConfiguration()
            .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS);

    @Override
    public DocumentPath compile(String expression) {
        if (expression == null || !expression.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $");
        }
        try {
            return new CompiledPath(expression, JsonPath.compile(expression));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "does not parse" : e.getMessage());
        }
    }

    private record CompiledPath(String expression, JsonPath path) implements DocumentPath {
        @Override
        public boolean definite() {
            return path.isDefinite();
        }

        @Override
        public Object read(Object document) {
            return path.read(document, READING);
        }
    }
}
