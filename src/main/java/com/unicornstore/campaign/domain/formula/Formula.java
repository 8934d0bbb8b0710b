package com.unicornstore.campaign.domain.formula;

import com.unicornstore.campaign.domain.EventDocument;
import com.unicornstore.campaign.domain.Numbers;
import com.unicornstore.campaign.domain.PathLanguage.DocumentPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A parsed formula: a tree of decimal numbers, JSONPath references, the four operations and a
 * fixed set of functions. Evaluating it can only compute a number; there is nothing else it can reach.
 */
public sealed interface Formula {

    /**
     * Decimal places a quotient keeps, rounded down: whole points stay exact for any long amount
     * (a fixed number of significant digits would not). + - * and % are exact.
     */
    int QUOTIENT_SCALE = 18;

    /** @throws FormulaFailure when the event cannot give the formula a value (division by zero, a missing number) */
    BigDecimal evaluate(EventDocument event);

    /** A number written in the formula. */
    record Constant(BigDecimal value) implements Formula {
        public BigDecimal evaluate(EventDocument event) {
            return value;
        }
    }

    /** A number read from the event by a definite JSONPath. */
    record Reference(DocumentPath path) implements Formula {
        public BigDecimal evaluate(EventDocument event) {
            Object found = event.read(path);
            BigDecimal number = Numbers.of(found);
            if (number == null) {
                throw new FormulaFailure(path.expression() + (found == null ? " finds nothing" : " is not a number"));
            }
            return number;
        }
    }

    /** -x. */
    record Negation(Formula operand) implements Formula {
        public BigDecimal evaluate(EventDocument event) {
            return operand.evaluate(event).negate();
        }
    }

    /** x + y, x - y, x * y, x / y, x % y. */
    record Operation(char operator, Formula left, Formula right) implements Formula {
        public BigDecimal evaluate(EventDocument event) {
            BigDecimal x = left.evaluate(event);
            BigDecimal y = right.evaluate(event);
            if ((operator == '/' || operator == '%') && y.signum() == 0) {
                throw new FormulaFailure("division by zero");
            }
            return switch (operator) {
                case '+' -> x.add(y);
                case '-' -> x.subtract(y);
                case '*' -> x.multiply(y);
                case '/' -> quotient(x, y);
                default -> x.remainder(y);
            };
        }
    }

    /**
     * x / y to {@link #QUOTIENT_SCALE} places, rounded down; y is not zero. A quotient of whole numbers
     * that is whole, or whose divisor is a power of ten (the usual {@code $.amount/10}), is exact in
     * fewer places: the same number, made in longs rather than by a long division to 18 places, which
     * was a quarter of a cached evaluation's time (and its 18 places made every later step costly).
     */
    private static BigDecimal quotient(BigDecimal x, BigDecimal y) {
        if (x.scale() == 0 && y.scale() == 0 && x.precision() <= 18 && y.precision() <= 18) {
            long dividend = x.longValue();
            long divisor = y.longValue();
            if (dividend % divisor == 0) {
                return BigDecimal.valueOf(dividend / divisor);
            }
            int places = 0;
            long rest = Math.abs(divisor);
            while (rest % 10 == 0) {
                rest /= 10;
                places++;
            }
            if (rest == 1) {
                return BigDecimal.valueOf(divisor < 0 ? -dividend : dividend, places);
            }
        }
        return x.divide(y, QUOTIENT_SCALE, RoundingMode.FLOOR);
    }

    /** One of the allowed functions applied to its arguments. */
    record Call(Function function, List<Formula> arguments) implements Formula {
        public BigDecimal evaluate(EventDocument event) {
            BigDecimal first = arguments.get(0).evaluate(event);
            return switch (function) {
                case MIN -> fold(first, event, true);
                case MAX -> fold(first, event, false);
                case FLOOR -> first.setScale(0, RoundingMode.FLOOR);
                case CEIL -> first.setScale(0, RoundingMode.CEILING);
                case ROUND -> first.setScale(0, RoundingMode.HALF_UP);
                case ABS -> first.abs();
            };
        }

        private BigDecimal fold(BigDecimal first, EventDocument event, boolean min) {
            BigDecimal result = first;
            for (int i = 1; i < arguments.size(); i++) {
                BigDecimal next = arguments.get(i).evaluate(event);
                result = min ? result.min(next) : result.max(next);
            }
            return result;
        }
    }

    /** The functions a formula may call, and how many arguments each takes. */
    enum Function {
        MIN(1, 20), MAX(1, 20), FLOOR(1, 1), CEIL(1, 1), ROUND(1, 1), ABS(1, 1);

        final int minArguments;
        final int maxArguments;

        Function(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }
    }
}
