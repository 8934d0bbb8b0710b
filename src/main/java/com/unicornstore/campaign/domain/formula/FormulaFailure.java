package com.unicornstore.campaign.domain.formula;

/** A formula could not be evaluated for one event: the rule that owns it counts 0 for that event. */
public final class FormulaFailure extends RuntimeException {

    public FormulaFailure(String reason) {
        super(reason, null, false, false);
    }
}
