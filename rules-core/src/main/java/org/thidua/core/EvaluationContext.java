package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * One rule session's bookkeeping: which rule is firing (so a judgement knows its criterion and source), and
 * the judgements made so far, at most one per unit and criterion.
 */
final class EvaluationContext extends DefaultAgendaEventListener {
    private final Map<UnitReport, Integer> indexOf = new IdentityHashMap<>();
    private final List<Map<String, Judgement>> judgements;
    private final RuleIndex rules;
    private final Campaign campaign;
    private final List<String> errors = new ArrayList<>();
    private final long deadline;
    private RuleIndex.RuleInfo firing;
    private RuleIndex.RuleInfo last;
    private boolean timedOut;

    EvaluationContext(Campaign campaign, RuleIndex rules, List<UnitReport> reports, long deadlineNanos) {
        this.campaign = campaign;
        this.rules = rules;
        this.deadline = deadlineNanos;
        this.judgements = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            indexOf.put(reports.get(i), i);
            judgements.add(new HashMap<>());
        }
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = rules.info(event.getMatch().getRule());
        last = firing;
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
        if (firing == null) {
            throw new IllegalStateException("judge is only usable inside a rule's action");
        }
        Integer index = indexOf.get(report);
        String criterion = firing.criterion();
        Judgement judgement = new Judgement(index == null ? -1 : index, criterion, firing.reference(), kind, actual, whole);
        if (index == null) {
            errors.add("Luật " + firing.reference() + " chấm một báo cáo không có trong yêu cầu"
                    + " (rule judged a report that was not given)");
        } else if (campaign.criterion(criterion).isEmpty()) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí " + criterion + " không có trong campaign.yaml"
                    + " (rule judges criterion " + criterion + ", which campaign.yaml does not declare)");
        } else {
            Judgement earlier = judgements.get(index).putIfAbsent(criterion, judgement);
            if (earlier != null) {
                errors.add("Tiêu chí " + criterion + " của đơn vị " + report.unit().id() + " bị chấm hai lần: bởi "
                        + earlier.rule + " và " + firing.reference()
                        + " (criterion judged twice for one unit: make the rules' conditions exclusive)");
            }
        }
        return judgement;
    }

    Judgement judgement(int unitIndex, String criterion) {
        return judgements.get(unitIndex).get(criterion);
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
