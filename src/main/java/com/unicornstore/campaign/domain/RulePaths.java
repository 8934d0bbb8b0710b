package com.unicornstore.campaign.domain;

/**
 * The JSONPath subset a rule may use: what a purchase event needs, and nothing whose cost can grow
 * beyond a few steps over the event. A path is {@code $} followed by at most {@value #MAX_STEPS}
 * steps: {@code .name}, {@code .*}, {@code ['name']}, {@code [index]}, {@code [*]} and filters
 * {@code [?(@.field op literal)]} with {@code == != < <= > >=} (or {@code @.field} alone), joined by
 * {@code &&} or {@code ||}. No regular expressions ({@code =~}), deep scans ({@code ..}), functions
 * or script; at most {@value #MAX_LENGTH} characters. Every step is a map or list look-up, a filter
 * a few comparisons per element, so reading a path is linear in the event's size.
 */
public final class RulePaths {

    /** Longest path accepted, in characters. */
    public static final int MAX_LENGTH = 200;
    static final int MAX_STEPS = 10;
    static final int MAX_COMPARISONS = 4;

    private RulePaths() {}

    /** @throws IllegalArgumentException saying what is not allowed, and where */
    public static void check(String expression) {
        if (expression == null || !expression.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a path is at most " + MAX_LENGTH + " characters");
        }
        new Scan(expression).path();
    }

    /** One pass over the expression: a cursor and the grammar above, each rule a method. */
    private static final class Scan {
        private final String text;
        private int at = 1;

        Scan(String text) {
            this.text = text;
        }

        void path() {
            int steps = 0;
            while (at < text.length()) {
                if (++steps > MAX_STEPS) {
                    throw refused("a path has at most " + MAX_STEPS + " steps");
                }
                step(false);
            }
        }

        private void step(boolean relative) {
            char c = text.charAt(at);
            if (c == '.') {
                at++;
                if (peek() == '.') {
                    throw refused("deep scans (..) are not allowed; name the field's path");
                }
                if (!relative && peek() == '*') {
                    at++;
                    return;
                }
                name();
                if (peek() == '(') {
                    throw refused("functions are not allowed");
                }
            } else if (c == '[') {
                at++;
                bracket(relative);
                expect(']');
            } else {
                throw refused("expected .name or [...]");
            }
        }

        private void name() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (at == start) {
                throw refused("expected a field name");
            }
        }

        private void bracket(boolean relative) {
            char c = peek();
            if (c == '\'' || c == '"') {
                quoted();
            } else if (c == '-' || Character.isDigit(c)) {
                number();
            } else if (c == '*' && !relative) {
                at++;
            } else if (c == '?' && !relative) {
                at++;
                expect('(');
                filter();
                expect(')');
            } else {
                throw refused("expected 'name', an index" + (relative ? "" : ", * or a filter ?(...)"));
            }
        }

        private void filter() {
            comparison();
            for (int comparisons = 1; peekSpaced() == '&' || peekSpaced() == '|'; comparisons++) {
                char joiner = text.charAt(at);
                at++;
                expect(joiner);
                if (comparisons >= MAX_COMPARISONS) {
                    throw refused("a filter has at most " + MAX_COMPARISONS + " comparisons");
                }
                comparison();
            }
        }

        private void comparison() {
            skipSpaces();
            expect('@');
            int steps = 0;
            while (peek() == '.' || peek() == '[') {
                if (++steps > MAX_STEPS) {
                    throw refused("a filter's path has at most " + MAX_STEPS + " steps");
                }
                step(true);
            }
            skipSpaces();
            if (text.startsWith("=~", at)) {
                throw refused("regular expressions (=~) are not allowed");
            }
            if (operator()) {
                skipSpaces();
                literal();
            }
            skipSpaces();
        }

        private boolean operator() {
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (text.startsWith(op, at)) {
                    at += op.length();
                    return true;
                }
            }
            char c = peek();
            if (c != ')' && c != '&' && c != '|') {
                throw refused("a filter compares with == != < <= > >= only");
            }
            return false;
        }

        private void literal() {
            char c = peek();
            if (c == '\'' || c == '"') {
                quoted();
            } else if (c == '-' || Character.isDigit(c)) {
                number();
                if (peek() == '.') {
                    at++;
                    number();
                }
            } else if (!word("true") && !word("false") && !word("null")) {
                throw refused("a filter compares with a number, a quoted string, true, false or null");
            }
        }

        private boolean word(String word) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return true;
            }
            return false;
        }

        private void quoted() {
            char quote = text.charAt(at++);
            while (at < text.length() && text.charAt(at) != quote) {
                if (text.charAt(at) == '\\') {
                    throw refused("escapes are not allowed in a quoted name or string");
                }
                at++;
            }
            expect(quote);
        }

        private void number() {
            if (peek() == '-') {
                at++;
            }
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start || at - start > 9) {
                throw refused("expected a number of at most 9 digits");
            }
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw refused("expected '" + wanted + "'");
            }
            at++;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private char peekSpaced() {
            skipSpaces();
            return peek();
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException refused(String reason) {
            return new IllegalArgumentException(reason + " (at position " + at + " of " + text + ")");
        }
    }
}
