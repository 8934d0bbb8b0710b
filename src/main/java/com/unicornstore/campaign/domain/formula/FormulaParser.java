package com.unicornstore.campaign.domain.formula;

import com.unicornstore.campaign.domain.PathLanguage;
import com.unicornstore.campaign.domain.PathLanguage.DocumentPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses formulas written as {@code $.amount/10} or {@code min($.quantity*5, 50)}: decimal numbers,
 * definite JSONPath references, {@code + - * / %}, parentheses and the functions of
 * {@link Formula.Function}. Anything else, a name, a quote, a brace, is refused with its position;
 * nothing in a formula is ever looked up, loaded or executed.
 */
public final class FormulaParser {

    /** Longest formula accepted, in characters. */
    public static final int MAX_LENGTH = 500;
    private static final int MAX_NESTING = 32;
    private static final String ENDS_A_PATH = "+-*/%,()";
    private static final String ALLOWED = "a formula may only use numbers, JSONPath references ($.field) "
            + "and the functions min, max, floor, ceil, round, abs";

    private final PathLanguage paths;

    public FormulaParser(PathLanguage paths) {
        this.paths = paths;
    }

    /** @throws FormulaSyntaxException naming what is wrong and where */
    public Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaSyntaxException("the formula is empty", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new FormulaSyntaxException("the formula is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new Reading(text).whole();
    }

    /** The state of one parse: the text and a cursor into it. */
    private final class Reading {
        private final String text;
        private int position;
        private int nesting;

        Reading(String text) {
            this.text = text;
        }

        Formula whole() {
            Formula formula = sum();
            if (peek() != 0) {
                throw error("unexpected '" + peek() + "'");
            }
            return formula;
        }

        private Formula sum() {
            enter();
            Formula left = product();
            while (peek() == '+' || peek() == '-') {
                char operator = text.charAt(position++);
                left = new Formula.Operation(operator, left, product());
            }
            nesting--;
            return left;
        }

        private Formula product() {
            Formula left = unary();
            while (peek() == '*' || peek() == '/' || peek() == '%') {
                char operator = text.charAt(position++);
                left = new Formula.Operation(operator, left, unary());
            }
            return left;
        }

        private Formula unary() {
            if (peek() == '-' || peek() == '+') {
                boolean negative = text.charAt(position++) == '-';
                enter();
                Formula operand = unary();
                nesting--;
                return negative ? new Formula.Negation(operand) : operand;
            }
            return primary();
        }

        private Formula primary() {
            char c = peek();
            if (c == 0) {
                throw error("expected a number, a JSONPath, a function or '(' but the formula ends");
            }
            if (c == '(') {
                position++;
                Formula inner = sum();
                expect(')');
                return inner;
            }
            if (Character.isDigit(c)) {
                return number();
            }
            if (c == '$') {
                return reference();
            }
            if (Character.isLetter(c) || c == '_') {
                return call();
            }
            throw error("unexpected '" + c + "': " + ALLOWED);
        }

        private Formula number() {
            int start = position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            if (position < text.length() - 1 && text.charAt(position) == '.' && Character.isDigit(text.charAt(position + 1))) {
                position++;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            }
            return new Formula.Constant(new BigDecimal(text.substring(start, position)));
        }

        private Formula reference() {
            int start = position;
            char next = position + 1 < text.length() ? text.charAt(position + 1) : 0;
            if (next != '.' && next != '[') {
                throw error("a JSONPath reference names a field: $.name or $['name']");
            }
            String expression = text.substring(start, endOfPath(start));
            DocumentPath path;
            try {
                path = paths.compile(expression);
            } catch (IllegalArgumentException e) {
                throw new FormulaSyntaxException("invalid JSONPath " + expression + ": " + e.getMessage(), start);
            }
            if (!path.definite()) {
                throw new FormulaSyntaxException("the JSONPath " + expression
                        + " names several values; a formula needs exactly one (no wildcards, filters or deep scans)", start);
            }
            return new Formula.Reference(path);
        }

        private int endOfPath(int start) {
            int brackets = 0;
            char quote = 0;
            for (position = start; position < text.length(); position++) {
                char c = text.charAt(position);
                if (quote != 0) {
                    if (c == '\\') {
                        position++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[') {
                    brackets++;
                } else if (c == ']') {
                    brackets--;
                } else if (brackets == 0 && (Character.isWhitespace(c) || ENDS_A_PATH.indexOf(c) >= 0)) {
                    break;
                }
            }
            if (brackets != 0 || quote != 0) {
                throw new FormulaSyntaxException("unclosed bracket or quote in a JSONPath", start);
            }
            return position;
        }

        private Formula call() {
            int start = position;
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            String name = text.substring(start, position);
            Formula.Function function = function(name, start);
            if (peek() != '(') {
                throw error("the function " + name + " must be called: " + name + "(...)");
            }
            position++;
            List<Formula> arguments = new ArrayList<>();
            if (peek() != ')') {
                arguments.add(sum());
                while (peek() == ',') {
                    position++;
                    arguments.add(sum());
                }
            }
            expect(')');
            if (arguments.size() < function.minArguments || arguments.size() > function.maxArguments) {
                throw new FormulaSyntaxException(name + " takes " + function.minArguments
                        + (function.maxArguments > function.minArguments ? " to " + function.maxArguments : "")
                        + " argument(s), not " + arguments.size(), start);
            }
            return new Formula.Call(function, List.copyOf(arguments));
        }

        private Formula.Function function(String name, int start) {
            for (Formula.Function function : Formula.Function.values()) {
                if (function.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return function;
                }
            }
            throw new FormulaSyntaxException("unknown name '" + name + "': " + ALLOWED, start);
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw error(peek() == 0 ? "missing '" + wanted + "'" : "expected '" + wanted + "' but found '" + peek() + "'");
            }
            position++;
        }

        private void enter() {
            if (++nesting > MAX_NESTING) {
                throw error("the formula is nested more than " + MAX_NESTING + " levels deep");
            }
        }

        /** The next significant character, or 0 at the end; skips white space. */
        private char peek() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position < text.length() ? text.charAt(position) : 0;
        }

        private FormulaSyntaxException error(String reason) {
            return new FormulaSyntaxException(reason, position);
        }
    }
}
