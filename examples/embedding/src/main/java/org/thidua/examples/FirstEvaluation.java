package org.thidua.examples;

import java.util.List;

import org.thidua.core.Dossiers;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Satisfaction;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/** One commune's figures judged by the bundled 2021 campaign: the README's first program, compiled here. */
public final class FirstEvaluation {
    public static void main(String[] args) {
        RuleLibrary library = RuleLibrary.bundled();              // or RuleLibrary.load(Path.of("my-rules"))
        RuleSet rules = library.ruleSet("thach-that-cchc-2021");  // compiled once; share it between threads
        EvaluationResult result = rules.evaluate(List.of(
                UnitReport.of(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE))
                        .withSatisfaction(new Satisfaction(200, 191))
                        .withDossiers(new Dossiers(300, 1215, 5, 0))
                        .withPortalPage(true)));
        for (Finding f : result.evaluations().get(0).findings()) {
            System.out.println(f.criterion() + " " + f.status() + ": " + f.message());
        }
    }
}
