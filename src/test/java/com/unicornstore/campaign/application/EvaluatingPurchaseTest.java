package com.unicornstore.campaign.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.campaign.domain.Evaluation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class EvaluatingPurchaseTest {

    @Test
    void a_rule_whose_formula_failed_is_logged_with_its_campaign_client_and_rule(CapturedOutput output) {
        Evaluation evaluation = new Evaluation(170, List.of(new Evaluation.Match("summer", 0, 0),
                new Evaluation.Match("summer", 1, 170)),
                List.of(new Evaluation.RuleFailure("UnicornStore", "summer", 0, "division by zero")));

        Evaluation returned = EvaluatingPurchase.logged(evaluation);

        assertThat(returned).isSameAs(evaluation);
        assertThat(output.getOut()).contains("Campaign 'summer' of client 'UnicornStore', rule 0: formula failed "
                + "(division by zero); the rule counts 0");
    }
}
