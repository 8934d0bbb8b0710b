package com.unicornstore.campaign.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact decimal views of the numbers an event document can hold. */
public final class Numbers {

    private Numbers() {}

    /** The number as an exact decimal, or null when the value is not a finite number. */
    public static BigDecimal of(Object value) {
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
