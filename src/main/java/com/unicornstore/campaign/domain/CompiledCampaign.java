package com.unicornstore.campaign.domain;

import com.unicornstore.campaign.domain.PathLanguage.DocumentPath;
import com.unicornstore.campaign.domain.formula.Formula;
import com.unicornstore.campaign.domain.formula.FormulaFailure;
import com.unicornstore.campaign.domain.formula.FormulaParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A campaign with its paths, conditions and formulas compiled: evaluating an event parses nothing.
 * The campaign's points are the sum of its matching {@code issue} rules, multiplied by each matching
 * {@code multiply} rule's factor, rounded down, never negative, capped by {@code maxPointsPerEvent}.
 */
public final class CompiledCampaign {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private record CompiledRule(int index, DocumentPath variable, Predicate<Object> condition, Command command,
            Formula formula) {}

    private final Campaign campaign;
    private final List<CompiledRule> rules;
    /** Why the campaign cannot be evaluated at all, or null. */
    private final String refusal;

    private CompiledCampaign(Campaign campaign, List<CompiledRule> rules, String refusal) {
        this.campaign = campaign;
        this.rules = rules;
        this.refusal = refusal;
    }

    /**
     * Compiles a campaign. One stored before the current validation (a path outside {@link RulePaths},
     * say) compiles to a campaign that every evaluation skips, saying why, rather than failing.
     */
    public static CompiledCampaign compile(Campaign campaign, PathLanguage paths) {
        FormulaParser parser = new FormulaParser(paths);
        List<CompiledRule> compiled = new ArrayList<>();
        for (int i = 0; i < campaign.rules().size(); i++) {
            Rule rule = campaign.rules().get(i);
            try {
                compiled.add(new CompiledRule(i, paths.compile(rule.variable()),
                        rule.condition().operator().against(rule.condition().value()),
                        rule.action().command(), parser.parse(rule.action().formula())));
            } catch (RuntimeException refused) {
                return new CompiledCampaign(campaign, List.of(), "rule " + i + " is refused: " + refused.getMessage());
            }
        }
        return new CompiledCampaign(campaign, List.copyOf(compiled), null);
    }

    public Campaign campaign() {
        return campaign;
    }

    public Evaluation evaluate(EventDocument event) {
        if (refusal != null) {
            return Evaluation.skipping(campaign, refusal);
        }
        List<Evaluation.Match> matched = new ArrayList<>();
        List<Evaluation.RuleFailure> failures = new ArrayList<>();
        long issued = 0;
        List<BigDecimal> factors = new ArrayList<>();
        List<Integer> multipliers = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (!rule.condition().test(event.read(rule.variable()))) {
                continue;
            }
            BigDecimal result;
            try {
                result = rule.formula().evaluate(event);
            } catch (FormulaFailure | ArithmeticException e) {
                failures.add(new Evaluation.RuleFailure(campaign.client(), campaign.name(), rule.index(), e.getMessage()));
                matched.add(new Evaluation.Match(campaign.name(), rule.index(), 0));
                continue;
            }
            if (rule.command() == Command.ISSUE) {
                long points = wholePoints(result);
                issued = Evaluation.saturatingSum(issued, points);
                matched.add(new Evaluation.Match(campaign.name(), rule.index(), points));
            } else {
                factors.add(result.signum() < 0 ? BigDecimal.ZERO : result);
                multipliers.add(rule.index());
            }
        }
        long total = applyFactors(issued, factors, multipliers, matched);
        if (campaign.maxPointsPerEvent() != null) {
            total = Math.min(total, campaign.maxPointsPerEvent());
        }
        total = Math.min(total, Evaluation.MAX_POINTS);
        return new Evaluation(total, matched, failures);
    }

    /** Multiplies the issued sum by each factor in rule order; each multiply rule is credited with what it added. */
    private long applyFactors(long issued, List<BigDecimal> factors, List<Integer> rulesOfFactors,
            List<Evaluation.Match> matched) {
        BigDecimal running = BigDecimal.valueOf(issued);
        long before = issued;
        for (int i = 0; i < factors.size(); i++) {
            running = running.multiply(factors.get(i));
            long after = wholePoints(running);
            matched.add(new Evaluation.Match(campaign.name(), rulesOfFactors.get(i), after - before));
            before = after;
        }
        return before;
    }

    /** Rounded down; negative counts 0; beyond a long is capped rather than wrapped. */
    private static long wholePoints(BigDecimal value) {
        if (value.signum() <= 0) {
            return 0;
        }
        return value.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : value.setScale(0, RoundingMode.FLOOR).longValue();
    }
}
