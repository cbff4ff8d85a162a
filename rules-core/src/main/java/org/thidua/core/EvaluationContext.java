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
import org.kie.api.runtime.rule.FactHandle;

/**
 * One rule session's bookkeeping: which rule is firing (so a judgement knows its criterion and source), and
 * the judgements made so far, at most one per unit (or official) and criterion. Title decisions are kept too,
 * the latest one of each rule winning, and each is put in the session as a {@link TitleDecision} once the rule
 * that made it has finished firing, so that other rules can count them.
 */
final class EvaluationContext extends DefaultAgendaEventListener {
    private record TitleKey(int unitIndex, String memberId, String title) {
    }

    private final Map<UnitReport, Integer> indexOf = new IdentityHashMap<>();
    private final List<Map<String, Judgement>> judgements;
    /** Per unit: member id → criterion → judgement. */
    private final List<Map<String, Map<String, Judgement>>> memberJudgements;
    /** Per unit: member id ("" for the unit itself) → title → latest decision. */
    private final List<Map<String, Map<String, TitleJudgement>>> titleJudgements;
    private final List<TitleJudgement> pendingTitles = new ArrayList<>();
    private final Map<TitleKey, FactHandle> titleFacts = new HashMap<>();
    private final Map<TitleKey, Boolean> titleQualified = new HashMap<>();
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
        this.memberJudgements = new ArrayList<>(reports.size());
        this.titleJudgements = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            indexOf.put(reports.get(i), i);
            judgements.add(new HashMap<>());
            memberJudgements.add(new HashMap<>());
            titleJudgements.add(new HashMap<>());
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
        for (TitleJudgement decided : pendingTitles) {
            TitleKey key = new TitleKey(decided.unitIndex, memberKey(decided.member), decided.title);
            boolean qualified = decided.qualified();
            if (Boolean.valueOf(qualified).equals(titleQualified.put(key, qualified))) {
                continue; // unchanged: rules that count it need not run again
            }
            TitleDecision fact = new TitleDecision(decided.report, decided.member, decided.title, qualified);
            FactHandle handle = titleFacts.get(key);
            if (handle == null) {
                titleFacts.put(key, event.getKieRuntime().insert(fact));
            } else {
                event.getKieRuntime().update(handle, fact);
            }
        }
        pendingTitles.clear();
    }

    Judgement open(UnitReport report, Judgement.Kind kind, BigDecimal actual, BigDecimal whole) {
        return open(report, null, kind, actual, whole);
    }

    /** A judgement of a unit's criterion, or, with a member, of an individual criterion. */
    Judgement open(UnitReport report, Member member, Judgement.Kind kind, BigDecimal actual, BigDecimal whole) {
        if (firing == null) {
            throw new IllegalStateException("judge is only usable inside a rule's action");
        }
        Integer index = indexOf.get(report);
        String criterion = firing.criterion();
        Judgement judgement = new Judgement(index == null ? -1 : index, member == null ? null : member.id(), criterion,
                firing.reference(), kind, actual, whole);
        boolean declared = member == null ? campaign.criterion(criterion).isPresent() : campaign.memberCriterion(criterion).isPresent();
        if (index == null) {
            errors.add("Luật " + firing.reference() + " chấm một báo cáo không có trong yêu cầu"
                    + " (rule judged a report that was not given)");
        } else if (!declared && member == null && campaign.memberCriterion(criterion).isPresent()) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí cá nhân " + criterion + " mà không nêu cán bộ nào:"
                    + " dùng judge.share($r, $m, …) hoặc judge.holds($r, $m, …) (an individual criterion needs the official)");
        } else if (!declared && member != null && campaign.criterion(criterion).isPresent()) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí đơn vị " + criterion + " cho một cán bộ:"
                    + " bỏ $m khỏi lời gọi judge (a unit criterion judges the unit, not an official)");
        } else if (!declared) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí " + criterion + " không có trong campaign.yaml"
                    + (member == null ? "" : " (memberCriteria)")
                    + " (rule judges criterion " + criterion + ", which campaign.yaml does not declare)");
        } else if (member != null && !belongs(report, member)) {
            errors.add(notAMember(report, member));
        } else {
            Map<String, Judgement> byCriterion = member == null ? judgements.get(index)
                    : memberJudgements.get(index).computeIfAbsent(member.id(), k -> new HashMap<>());
            Judgement earlier = byCriterion.putIfAbsent(criterion, judgement);
            if (earlier != null) {
                errors.add("Tiêu chí " + criterion + " của " + (member == null ? "đơn vị " : "cán bộ " + member.id() + ", đơn vị ")
                        + report.unit().id() + " bị chấm hai lần: bởi " + earlier.rule + " và " + firing.reference()
                        + " (criterion judged twice: make the rules' conditions exclusive)");
            }
        }
        return judgement;
    }

    /** A title decision for the unit ({@code member} null) or one of its officials. */
    TitleJudgement openTitle(UnitReport report, Member member) {
        if (firing == null) {
            throw new IllegalStateException("judge is only usable inside a rule's action");
        }
        Integer index = indexOf.get(report);
        String titleId = firing.criterion();
        TitleJudgement judgement = new TitleJudgement(index == null ? -1 : index, report, member, titleId, firing.reference());
        java.util.Optional<Campaign.Title> title = campaign.title(titleId);
        if (index == null) {
            errors.add("Luật " + firing.reference() + " xét danh hiệu cho một báo cáo không có trong yêu cầu"
                    + " (rule decided a title for a report that was not given)");
        } else if (title.isEmpty()) {
            errors.add("Luật " + firing.reference() + " xét danh hiệu " + titleId + " không có trong campaign.yaml (titles)"
                    + " (rule decides title " + titleId + ", which campaign.yaml does not declare)");
        } else if ((member == null) != (title.get().subject() == Campaign.Title.Subject.UNIT)) {
            errors.add("Danh hiệu " + titleId + " dành cho " + (member == null
                    ? "cá nhân: dùng judge.title($r, $m)" : "tập thể: dùng judge.title($r)")
                    + " trong luật " + firing.reference() + " (title for the wrong kind of subject)");
        } else if (member != null && !belongs(report, member)) {
            errors.add(notAMember(report, member));
        } else {
            TitleJudgement earlier = titleJudgements.get(index).computeIfAbsent(memberKey(member), k -> new HashMap<>())
                    .put(titleId, judgement);
            if (earlier != null && !earlier.rule.equals(judgement.rule)) {
                errors.add("Danh hiệu " + titleId + " của " + (member == null ? "" : "cán bộ " + member.id() + ", ")
                        + "đơn vị " + report.unit().id() + " được xét bởi hai luật: " + earlier.rule + " và " + judgement.rule
                        + " (title decided by two rules: make their conditions exclusive)");
            }
            pendingTitles.add(judgement);
        }
        return judgement;
    }

    private static boolean belongs(UnitReport report, Member member) {
        return report.members().stream().anyMatch(m -> m == member || m.id().equals(member.id()));
    }

    private String notAMember(UnitReport report, Member member) {
        return "Luật " + firing.reference() + " xét cán bộ " + member.id() + " không thuộc đơn vị " + report.unit().id()
                + " (rule judged an official of another unit)";
    }

    private static String memberKey(Member member) {
        return member == null ? "" : member.id();
    }

    Judgement memberJudgement(int unitIndex, String memberId, String criterion) {
        Map<String, Judgement> byCriterion = memberJudgements.get(unitIndex).get(memberId);
        return byCriterion == null ? null : byCriterion.get(criterion);
    }

    /** The latest decision on a title for the unit ({@code memberId} null) or one of its officials. */
    TitleJudgement titleJudgement(int unitIndex, String memberId, String title) {
        Map<String, TitleJudgement> byTitle = titleJudgements.get(unitIndex).get(memberId == null ? "" : memberId);
        return byTitle == null ? null : byTitle.get(title);
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
