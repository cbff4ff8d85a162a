package org.thidua.service.live;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitReport;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoredEvaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an edit of a campaign's rules would change before it is published: the latest stored report of each unit of
 * the campaign (as the ranking takes them) is evaluated under the live rules and under the candidate, all units
 * together, so ranks are ranks in the whole campaign; every unit whose findings (status or points of a criterion),
 * score, grade or rank would change is listed, old beside new. Units that do not change are not listed.
 *
 * <p>Both sides are evaluated now, from the same reports: the live side is not the stored result, which older rules
 * may have made. Indicators the candidate no longer declares are left out of its side, with a note; a new criterion the
 * reports cannot fill is a warning in words ({@link PreviewWarnings}).
 */
public final class ImpactPreview {
    private static final Pattern REPORT_PATH = Pattern.compile("^reports\\[(\\d+)]");

    /** A criterion's result: status and points. */
    public record FindingState(String status, double points) {
        static FindingState of(Finding finding) {
            return finding == null ? null : new FindingState(finding.status().name(), finding.points());
        }
    }

    /** A unit's standing in the campaign. */
    public record Standing(double score, String grade, int rank) {
        static Standing of(Evaluation evaluation) {
            return new Standing(evaluation.score(), evaluation.grade(), evaluation.rank());
        }
    }

    /** One criterion whose result changes; {@code before} or {@code after} is {@code null} when that side has no such criterion. */
    public record CriterionChange(String criterion, FindingState before, FindingState after) {
    }

    /**
     * A unit that changes.
     *
     * @param changed what changes, among {@code findings}, {@code score}, {@code grade}, {@code rank}
     * @param findings only the criteria whose status or points change, in the campaign's order
     */
    public record UnitChange(String unitId, String unitName, String kind, Standing before, Standing after, List<String> changed,
                      List<CriterionChange> findings) {
    }

    /**
     * A criterion the candidate adds that the stored reports cannot fill: {@code units} have no data for it and each
     * loses {@code points} (0 when the criterion is left out of their maximum instead).
     */
    public record MissingData(String criterion, String title, int units, double points, String message) {
    }

    /**
     * The impact of a candidate on a campaign's stored units.
     *
     * @param warnings the candidate's new criteria that the stored reports leave without data, in words
     * @param notes    what the preview set aside to work, in words (stored indicators the candidate no longer declares)
     */
    public record Impact(String campaign, String liveVersion, String candidateVersion, int unitsCompared, int unitsChanged,
                  List<UnitChange> changes, List<MissingData> warnings, List<String> notes) {
    }

    private ImpactPreview() {
    }

    /**
     * Compares the live rules of a campaign with a candidate on the latest stored report of each unit.
     *
     * @param live      the library serving now; it reads the stored reports and holds the live rule set
     * @param candidate the edited rule set of the same campaign, compiled
     * @param latest    the latest stored evaluation of each unit of the campaign ({@link EvaluationStore#latestPerUnit})
     * @throws InvalidInputException   when the stored reports do not fit a side (for example an indicator out of the
     *                                 candidate's new range; one it no longer declares is ignored, with a note); each
     *                                 path names the unit ({@code units[xa-a].…})
     * @throws org.thidua.core.EvaluationException when a side's rules fail or exceed their limits
     */
    public static Impact compare(RuleLibrary live, RuleSet candidate, List<StoredEvaluation> latest) {
        String campaign = candidate.campaign().id();
        List<StoredEvaluation> units = latest.stream().sorted(Comparator.comparing(StoredEvaluation::unitId)).toList();
        List<String> unitIds = units.stream().map(StoredEvaluation::unitId).toList();
        if (units.isEmpty()) {
            // nothing stored yet: nothing to compare (a request of no report would be refused)
            return new Impact(campaign, live.ruleSet(campaign).version(), candidate.version(), 0, 0, List.of(), List.of(), List.of());
        }
        ObjectNode request = Json.MAPPER.createObjectNode().put("campaign", campaign);
        ArrayNode stored = request.putArray("reports");
        units.forEach(unit -> stored.add(ContractV1.parse(new ByteArrayInputStream(unit.reportJson().getBytes(StandardCharsets.UTF_8)))));
        EvaluationRequest read = namingUnits(unitIds, () -> ContractV1.read(live, request, null));
        List<UnitReport> reports = read.reports();
        EvaluationResult before = namingUnits(unitIds, () -> read.ruleSet().evaluate(reports));
        List<String> notes = new ArrayList<>();
        List<UnitReport> candidateReports = PreviewWarnings.withoutUndeclaredIndicators(candidate.campaign(), reports, notes);
        EvaluationResult after = namingUnits(unitIds, () -> candidate.evaluate(candidateReports));

        List<String> criteria = new ArrayList<>();
        read.ruleSet().campaign().criteria().forEach(c -> criteria.add(c.id()));
        candidate.campaign().criteria().forEach(c -> {
            if (!criteria.contains(c.id())) {
                criteria.add(c.id());
            }
        });
        List<UnitChange> changes = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Evaluation old = before.evaluations().get(i);
            Evaluation now = after.evaluations().get(i);
            List<CriterionChange> findings = new ArrayList<>();
            for (String criterion : criteria) {
                FindingState was = FindingState.of(old.finding(criterion).orElse(null));
                FindingState will = FindingState.of(now.finding(criterion).orElse(null));
                if (!Objects.equals(was, will)) {
                    findings.add(new CriterionChange(criterion, was, will));
                }
            }
            Set<String> changed = new LinkedHashSet<>();
            if (!findings.isEmpty()) {
                changed.add("findings");
            }
            if (Double.compare(old.score(), now.score()) != 0) {
                changed.add("score");
            }
            if (!old.grade().equals(now.grade())) {
                changed.add("grade");
            }
            if (old.rank() != now.rank()) {
                changed.add("rank");
            }
            if (!changed.isEmpty()) {
                changes.add(new UnitChange(now.unitId(), now.unitName(), now.kind().name(), Standing.of(old), Standing.of(now),
                        List.copyOf(changed), findings));
            }
        }
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        changes.sort(Comparator.comparingInt((UnitChange c) -> c.after().rank())
                .thenComparing(UnitChange::unitName, vietnamese)
                .thenComparing(UnitChange::unitId));
        return new Impact(campaign, before.ruleSetVersion(), after.ruleSetVersion(), reports.size(), changes.size(),
                List.copyOf(changes), PreviewWarnings.missingData(read.ruleSet().campaign(), candidate.campaign(), after), List.copyOf(notes));
    }

    /** Runs a step; a refused report's path {@code reports[3]…} becomes {@code units[xa-a]…}, a place a person recognises. */
    private static <T> T namingUnits(List<String> unitIds, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            Function<InputProblem, InputProblem> rename = p -> {
                Matcher at = REPORT_PATH.matcher(p.path());
                if (!at.find()) {
                    return p;
                }
                int index = Integer.parseInt(at.group(1));
                String unit = index < unitIds.size() ? unitIds.get(index) : at.group(1);
                return new InputProblem("units[" + unit + "]" + p.path().substring(at.end()), p.message());
            };
            throw new InvalidInputException(e.problems().stream().map(rename).toList());
        }
    }
}
