package com.unicornstore.campaign.domain.formula;

/** A formula that does not parse, or reaches for something other than numbers, allowed functions and JSONPath. */
public final class FormulaSyntaxException extends RuntimeException {

    public FormulaSyntaxException(String reason, int position) {
        super(reason + " at position " + position, null, false, false);
    }
}
