package com.unicornstore.campaign.domain;

import java.util.Map;

/**
 * The JSONPath dialect rules are written in ({@link RulePaths}: nothing that can run long): compiles
 * an expression once, to read many events.
 */
public interface PathLanguage {

    /**
     * @throws IllegalArgumentException with a reason a rule author can act on, when the expression does not
     *         parse or leaves the allowed subset
     */
    DocumentPath compile(String expression);

    /** A compiled path. */
    interface DocumentPath {

        /** The expression as written, which also identifies it within one event. */
        String expression();

        /** True when the path names at most one value (no wildcards, filters or deep scans). */
        boolean definite();

        /**
         * @return the value found; a {@link java.util.List} of the values found for an indefinite path;
         *         null when a definite path finds nothing
         */
        Object read(Map<String, ?> document);

        /** True when reading again costs no more than remembering what was read. */
        default boolean cheapToRead() {
            return false;
        }
    }
}
