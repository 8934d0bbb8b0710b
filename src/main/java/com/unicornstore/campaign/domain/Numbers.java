package com.unicornstore.campaign.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact decimal views of the numbers an event document can hold. */
public final class Numbers {

    /**
     * Digits a number may have before or after its point. Far beyond any amount, and it keeps
     * arithmetic cheap: 1E+999999999 is one digit to hold but a billion to add to.
     */
    static final int MAX_DIGITS = 100;

    private Numbers() {}

    /** The number as an exact decimal, or null when the value is not a finite number of at most {@link #MAX_DIGITS} digits. */
    public static BigDecimal of(Object value) {
        BigDecimal number = exact(value);
        if (number == null || number.scale() > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS) {
            return null;
        }
        return number;
    }

    private static BigDecimal exact(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }
}
