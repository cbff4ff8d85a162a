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
import org.kie.api.definition.rule.Rule;
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

    /** The reports by identity; {@code null} for a few reports, which are looked up one by one. */
    private final Map<UnitReport, Integer> indexOf;
    private final List<UnitReport> reports;
    /** [unit × criteria + criterion position in campaign order]. */
    private final Judgement[] judgements;
    private final int criteria;
    /** What rules decide on officials and titles; {@code null} until a rule judges an official or decides a title. */
    private Officials officials;

    /** Made only when needed: most evaluations (one unit per call, say) have no officials and no titles. */
    private static final class Officials {
        /** Unit index → member id → criterion → judgement. */
        final Map<Integer, Map<String, Map<String, Judgement>>> memberJudgements = new HashMap<>();
        /** Unit index → member id ("" for the unit itself) → title → latest decision. */
        final Map<Integer, Map<String, Map<String, TitleJudgement>>> titleJudgements = new HashMap<>();
        final List<TitleJudgement> pendingTitles = new ArrayList<>();
        final Map<TitleKey, FactHandle> titleFacts = new HashMap<>();
        final Map<TitleKey, Boolean> titleQualified = new HashMap<>();
    }
    private final RuleIndex rules;
    private final Campaign campaign;
    private final Map<String, Integer> criterionIndex;
    private final List<String> errors = new ArrayList<>();
    private final long deadline;
    private RuleIndex.RuleInfo firing;
    private RuleIndex.RuleInfo last;
    /** Rules fire one after another for many units: the last one looked up is usually the next. */
    private Rule lastLookedUp;
    private boolean timedOut;

    /** @param criterionIndex each criterion id of the campaign and its position in the campaign's list */
    EvaluationContext(Campaign campaign, Map<String, Integer> criterionIndex, RuleIndex rules, List<UnitReport> reports,
                      long deadlineNanos) {
        this.campaign = campaign;
        this.criterionIndex = criterionIndex;
        this.rules = rules;
        this.deadline = deadlineNanos;
        this.criteria = criterionIndex.size();
        this.judgements = new Judgement[reports.size() * criteria];
        this.reports = reports;
        this.indexOf = reports.size() <= FEW ? null : new IdentityHashMap<>(reports.size());
        for (int i = 0; indexOf != null && i < reports.size(); i++) {
            indexOf.put(reports.get(i), i);
        }
    }

    /** Up to this many reports (one unit per call, typically), a scan is cheaper than a map. */
    private static final int FEW = 8;

    private Integer indexOf(UnitReport report) {
        if (indexOf != null) {
            return indexOf.get(report);
        }
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) == report) {
                return i;
            }
        }
        return null;
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
        if (officials == null || officials.pendingTitles.isEmpty()) {
            return;
        }
        Map<TitleKey, Boolean> titleQualified = officials.titleQualified;
        Map<TitleKey, FactHandle> titleFacts = officials.titleFacts;
        for (TitleJudgement decided : officials.pendingTitles) {
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
        officials.pendingTitles.clear();
    }

    Judgement open(UnitReport report, Judgement.Kind kind, BigDecimal actual, BigDecimal whole) {
        return open(report, null, kind, actual, whole);
    }

    /** A judgement of a unit's criterion, or, with a member, of an individual criterion. */
    Judgement open(UnitReport report, Member member, Judgement.Kind kind, BigDecimal actual, BigDecimal whole) {
        Integer index = firingIndex(report);
        return record(report, member, index, new Judgement(index == null ? -1 : index, member == null ? null : member.id(),
                firing.criterion(), firing.reference(), kind, actual, whole));
    }

    /** A share {@code part / whole} of counts, for a unit's criterion or, with a member, an individual one. */
    Judgement openShare(UnitReport report, Member member, long part, long whole) {
        Integer index = firingIndex(report);
        return record(report, member, index, new Judgement(index == null ? -1 : index, member == null ? null : member.id(),
                firing.criterion(), firing.reference(), part, whole));
    }

    private Integer firingIndex(UnitReport report) {
        if (firing == null) {
            throw new IllegalStateException("judge is only usable inside a rule's action");
        }
        return indexOf(report);
    }

    private Judgement record(UnitReport report, Member member, Integer index, Judgement judgement) {
        String criterion = firing.criterion();
        Integer position = member == null ? criterionIndex.get(criterion) : null;
        boolean declared = member == null ? position != null : campaign.memberCriterion(criterion).isPresent();
        if (index == null) {
            errors.add("Luật " + firing.reference() + " chấm một báo cáo không có trong yêu cầu"
                    + " (rule judged a report that was not given)");
        } else if (!declared && member == null && campaign.memberCriterion(criterion).isPresent()) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí cá nhân " + criterion + " mà không nêu cán bộ nào:"
                    + " dùng judge.share($r, $m, …) hoặc judge.holds($r, $m, …) (an individual criterion needs the official)");
        } else if (!declared && member != null && criterionIndex.containsKey(criterion)) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí đơn vị " + criterion + " cho một cán bộ:"
                    + " bỏ $m khỏi lời gọi judge (a unit criterion judges the unit, not an official)");
        } else if (!declared) {
            errors.add("Luật " + firing.reference() + " chấm tiêu chí " + criterion + " không có trong campaign.yaml"
                    + (member == null ? "" : " (memberCriteria)")
                    + " (rule judges criterion " + criterion + ", which campaign.yaml does not declare)");
        } else if (member != null && !belongs(report, member)) {
            errors.add(notAMember(report, member));
        } else {
            Judgement earlier;
            if (member == null) {
                int slot = index * criteria + position;
                earlier = judgements[slot];
                if (earlier == null) {
                    judgements[slot] = judgement;
                }
            } else {
                earlier = officials().memberJudgements.computeIfAbsent(index, k -> new HashMap<>())
                        .computeIfAbsent(member.id(), k -> new HashMap<>()).putIfAbsent(criterion, judgement);
            }
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
        Integer index = indexOf(report);
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
            TitleJudgement earlier = officials().titleJudgements.computeIfAbsent(index, k -> new HashMap<>())
                    .computeIfAbsent(memberKey(member), k -> new HashMap<>())
                    .put(titleId, judgement);
            if (earlier != null && !earlier.rule.equals(judgement.rule)) {
                errors.add("Danh hiệu " + titleId + " của " + (member == null ? "" : "cán bộ " + member.id() + ", ")
                        + "đơn vị " + report.unit().id() + " được xét bởi hai luật: " + earlier.rule + " và " + judgement.rule
                        + " (title decided by two rules: make their conditions exclusive)");
            }
            officials.pendingTitles.add(judgement);
        }
        return judgement;
    }

    private Officials officials() {
        if (officials == null) {
            officials = new Officials();
        }
        return officials;
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
        Map<String, Judgement> byCriterion = officials == null ? null
                : officials.memberJudgements.getOrDefault(unitIndex, Map.of()).get(memberId);
        return byCriterion == null ? null : byCriterion.get(criterion);
    }

    /** The latest decision on a title for the unit ({@code memberId} null) or one of its officials. */
    TitleJudgement titleJudgement(int unitIndex, String memberId, String title) {
        Map<String, TitleJudgement> byTitle = officials == null ? null
                : officials.titleJudgements.getOrDefault(unitIndex, Map.of()).get(memberId == null ? "" : memberId);
        return byTitle == null ? null : byTitle.get(title);
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
