package com.unicornstore.campaign.domain;

import com.unicornstore.campaign.adapter.JaywayPaths;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Campaigns, rules and events for the engine's tests, written as briefly as the rules themselves. */
final class Campaigns {

    static final PathLanguage PATHS = new JaywayPaths();
    static final Instant NOON = Instant.parse("2025-03-15T12:00:00Z");

    private Campaigns() {}

    static Rule rule(String variable, Operator operator, Object value, Command command, String formula) {
        Object condition = value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value;
        return new Rule(variable, new Rule.Condition(operator, condition), new Rule.Action(command, formula));
    }

    static Rule issue(String variable, Operator operator, Object value, String formula) {
        return rule(variable, operator, value, Command.ISSUE, formula);
    }

    /** The demo rule of DESIGN.md: over 100 earns a tenth. */
    static Rule demoRule() {
        return issue("$.amount", Operator.NUMERIC_GREATER_THAN, 100, "$.amount/10");
    }

    static Campaign active(String name, Rule... rules) {
        return new Campaign("UnicornStore", name, Campaign.Status.ACTIVE, List.of(rules), 0, null, null, null, null, 1);
    }

    static EventDocument event(Map<String, Object> fields) {
        return new EventDocument(fields, "UnicornStore", NOON);
    }

    static EventDocument purchase(Object amount) {
        return event(Map.of("account_id", "derick", "client", "UnicornStore", "amount", amount, "quantity", 1));
    }
}
