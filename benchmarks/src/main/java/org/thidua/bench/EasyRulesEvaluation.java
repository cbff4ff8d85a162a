package org.thidua.bench;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.jeasy.rules.mvel.MVELRuleFactory;
import org.jeasy.rules.support.reader.YamlRuleDefinitionReader;
import org.thidua.core.UnitReport;

/**
 * The five criteria on Easy Rules 4.1, as its users write them: MVEL rules read from YAML
 * ({@code peers/criteria.yml}), or the same rules as Java lambdas. One {@link Facts} and one {@code fire} per unit
 * (Easy Rules has no batch), on the calling thread, with the default engine.
 */
public final class EasyRulesEvaluation {
    private static final String RULES_FILE = "peers/criteria.yml";

    private final Rules rules;
    private final Function<UnitReport, UnitStatuses> before;
    private final RulesEngine engine = new DefaultRulesEngine();

    private EasyRulesEvaluation(Rules rules, Function<UnitReport, UnitStatuses> before) {
        this.rules = rules;
        this.before = before;
    }

    /** The MVEL rules of {@code peers/criteria.yml}. */
    public static EasyRulesEvaluation mvel(Function<UnitReport, UnitStatuses> before) {
        try {
            Reader text = new StringReader(ClassPathText.read(RULES_FILE));
            return new EasyRulesEvaluation(new MVELRuleFactory(new YamlRuleDefinitionReader()).createRules(text), before);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the Easy Rules of " + RULES_FILE, e);
        }
    }

    /** The same rules written as Java lambdas with {@link RuleBuilder}. */
    public static EasyRulesEvaluation lambdas(Function<UnitReport, UnitStatuses> before) {
        return new EasyRulesEvaluation(new Rules(
                rule("SATISFACTION", 1, r -> r.satisfaction() != null && r.satisfaction().surveyed() > 0,
                        r -> r.satisfaction().satisfied() * 100 >= r.satisfaction().surveyed() * 95),
                rule("ON_TIME_DOSSIERS", 2, r -> r.dossiers() != null, r -> r.dossiers().inTime() == r.dossiers().total()),
                rule("FRONTLINE_STAFF_TRAINING", 3, r -> r.frontlineStaff() != null,
                        r -> r.frontlineStaff().trained() == r.frontlineStaff().total()),
                rule("INDEX_AWARENESS_TRAINING", 4, r -> r.communeOfficials() != null,
                        r -> r.communeOfficials().trainedOnIndices() == r.communeOfficials().total()),
                rule("PORTAL_PAGE", 5, r -> r.portalPage() != null, UnitReport::portalPage)), before);
    }

    private static Rule rule(String criterion, int priority, Predicate<UnitReport> reported, Predicate<UnitReport> met) {
        return new RuleBuilder().name(criterion).priority(priority)
                .when(facts -> reported.test(facts.get("report")))
                .then(facts -> facts.<UnitStatuses>get("statuses").decide(criterion, met.test(facts.get("report"))))
                .build();
    }

    public List<UnitStatuses> evaluate(List<UnitReport> reports) {
        List<UnitStatuses> out = new ArrayList<>(reports.size());
        for (UnitReport report : reports) {
            UnitStatuses statuses = before.apply(report);
            Facts facts = new Facts();
            facts.put("report", report);
            facts.put("statuses", statuses);
            engine.fire(rules, facts);
            out.add(statuses);
        }
        return out;
    }
}
