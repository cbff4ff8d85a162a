package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.definition.rule.Rule;

/**
 * One rule session's bookkeeping: which rule is firing (so a judgement knows its criterion and source), and
 * the judgements made so far, at most one per unit and criterion.
 */
final class EvaluationContext extends DefaultAgendaEventListener {
    private final Map<UnitReport, Integer> indexOf;
    /** [unit × criteria + criterion position in campaign order]. */
    private final Judgement[] judgements;
    private final int criteria;
    private final RuleIndex rules;
    private final Map<String, Integer> criterionIndex;
    private final List<String> errors = new ArrayList<>();
    private final long deadline;
    private RuleIndex.RuleInfo firing;
    private RuleIndex.RuleInfo last;
    /** Rules fire one after another for many units: the last one looked up is usually the next. */
    private Rule lastLookedUp;
    private boolean timedOut;

    /** @param criterionIndex each criterion id of the campaign and its position in the campaign's list */
    EvaluationContext(Map<String, Integer> criterionIndex, RuleIndex rules, List<UnitReport> reports, long deadlineNanos) {
        this.criterionIndex = criterionIndex;
        this.rules = rules;
        this.deadline = deadlineNanos;
        this.criteria = criterionIndex.size();
        this.judgements = new Judgement[reports.size() * criteria];
        this.indexOf = new IdentityHashMap<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            indexOf.put(reports.get(i), i);
        }
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        if (rule != lastLookedUp || last == null) {
            last = rules.info(rule);
            lastLookedUp = rule;
        }
        firing = last;
        if (System.nanoTime() - deadline > 0) {
            timedOut = true;
            ((org.kie.api.runtime.KieSession) event.getKieRuntime()).halt();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    Judgement open(UnitReport report, Judgement.Kind kind, BigDecimal actual, BigDecimal whole) {
        Integer index = firingIndex(report);
        return record(report, index, new Judgement(index == null ? -1 : index, firing.criterion(), firing.reference(), kind, actual, whole));
    }

    Judgement openShare(UnitReport report, long part, long whole) {
        Integer index = firingIndex(report);
        return record(report, index, new Judgement(index == null ? -1 : index, firing.criterion(), firing.reference(), part, whole));
    }

    private Integer firingIndex(UnitReport report) {
        if (firing == null) {
            throw new IllegalStateException("judge is only usable inside a rule's action");
        }
        return indexOf.get(report);
    }

    private Judgement record(UnitReport report, Integer index, Judgement judgement) {
        String criterion = firing.criterion();
        Integer position = criterionIndex.get(criterion);
        if (index == null) {
            errors.add("Luật " + firing.reference() + " chấm một báo cáo không có trong yêu cầu"
                    + " (rule judged a report that was not given)");
        } else if (position == null) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí " + criterion + " không có trong campaign.yaml"
                    + " (rule judges criterion " + criterion + ", which campaign.yaml does not declare)");
        } else {
            Judgement earlier = judgements[index * criteria + position];
            if (earlier == null) {
                judgements[index * criteria + position] = judgement;
            } else {
                errors.add("Tiêu chí " + criterion + " của đơn vị " + report.unit().id() + " bị chấm hai lần: bởi "
                        + earlier.rule + " và " + firing.reference()
                        + " (criterion judged twice for one unit: make the rules' conditions exclusive)");
            }
        }
        return judgement;
    }

    /** The judgement of a unit on the criterion at that position in the campaign's list, if a rule made one. */
    Judgement judgement(int unitIndex, int criterionPosition) {
        return judgements[unitIndex * criteria + criterionPosition];
    }

    boolean timedOut() {
        return timedOut;
    }

    /** The rule that fired last, for error messages. */
    String lastRule() {
        return last == null ? "(chưa có luật nào)" : last.reference();
    }

    List<String> errors() {
        return errors;
    }
}
