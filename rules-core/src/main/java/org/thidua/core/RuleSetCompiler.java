package org.thidua.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.thidua.core.compile.AreaTargets;
import org.thidua.core.compile.CampaignFiles;
import org.thidua.core.compile.CampaignReader;
import org.thidua.core.compile.CampaignReferences;
import org.thidua.core.compile.DrlCompiler;
import org.thidua.core.compile.SafetyGate;
import org.thidua.core.compile.SheetCriteria;
import org.thidua.core.compile.TextLines;

/**
 * A campaign's files to a {@link RuleSet}, in the order that keeps a bad edit from ever running: the description,
 * the safety gate over the DRL text, the Drools compile, the gate over the compiled code, then the rules checked
 * against the description (every criterion judged, no rule judging an undeclared one). Every problem is collected
 * and reported at once.
 */
final class RuleSetCompiler {
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|(\\S+))");

    private RuleSetCompiler() {
    }

    static RuleSet compile(CampaignFiles files) {
        try {
            return compileGated(files);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a candidate that exhausts the compiler is a refused edit like any other, never a crash of the caller
            throw new RuleSetException(List.of(new RuleProblem(files.folder(), ".", 0, 0, "Không biên dịch được bộ luật:"
                    + " trình biên dịch hết bộ nhớ hoặc đệ quy quá sâu (" + e.getClass().getSimpleName() + ")"
                    + " (the rules could not be compiled: " + e.getClass().getSimpleName() + ")")));
        }
    }

    private static RuleSet compileGated(CampaignFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        String yaml = files.files().get(CampaignReader.FILE);
        Campaign campaign = null;
        if (yaml == null) {
            problems.add(new RuleProblem(files.folder(), CampaignReader.FILE, 0, 0,
                    "Thư mục chiến dịch thiếu tệp campaign.yaml (the campaign folder has no campaign.yaml)"));
        } else {
            campaign = CampaignReader.read(files.folder(), yaml, problems, SheetCriteria.present(files));
        }
        SheetCriteria sheet = campaign == null ? null : SheetCriteria.compile(files, campaign, problems).orElse(null);
        Map<String, String> drl = new java.util.TreeMap<>(files.drlFiles());
        if (sheet != null) {
            campaign = sheet.into(campaign);
            drl.put(sheet.drlPath(), sheet.drl());
        }
        int beforeDrl = problems.size();
        // a campaign.yaml that cannot be read may hold the criteria as a list: its problems say enough
        if (drl.isEmpty() && !SheetCriteria.present(files) && (campaign != null || yaml == null)) {
            problems.add(new RuleProblem(files.folder(), ".", 0, 0,
                    "Thư mục chiến dịch không có tệp luật .drl nào (the campaign folder has no .drl file)"));
        }
        SafetyGate gate = SafetyGate.check(files.folder(), drl);
        List<RuleProblem> refused = gate.refused();
        problems.addAll(refused);
        if (campaign != null) {
            problems.addAll(CampaignReferences.check(campaign, drl));
            problems.addAll(AreaTargets.check(campaign, yaml));
        }
        KieBase base = drl.isEmpty() || !refused.isEmpty() ? null : DrlCompiler.compile(files.folder(), drl, problems);
        if (base != null) {
            List<RuleProblem> unsafe = gate.checkCompiled(base);
            if (!unsafe.isEmpty()) {
                problems.addAll(unsafe);
                base = null; // never run: no session is made of a base the gate refused
            }
        }
        RuleIndex rules = null;
        if (base != null) {
            rules = new RuleIndex(base, sheet == null ? Map.of() : sheet.references());
            if (campaign != null) {
                checkRulesAgainstCampaign(files, campaign, base, rules, problems);
            }
        }
        if (sheet != null) { // a problem of the generated DRL is shown at the sheet's row it came from
            for (int i = beforeDrl; i < problems.size(); i++) {
                if (problems.get(i).file().equals(sheet.drlPath())) {
                    problems.set(i, sheet.atRow(problems.get(i)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(new RuleSessions(campaign, rules, new Findings(campaign), base), files,
                Instant.now(), RuleSet.Limits.DEFAULT, sheet == null ? Map.of() : Map.of(sheet.drlPath(), sheet.drl()),
                org.thidua.core.compile.Warnings.of(campaign, yaml, files.drlFiles()));
    }

    private static void checkRulesAgainstCampaign(CampaignFiles files, Campaign campaign, KieBase base, RuleIndex rules,
                                                  List<RuleProblem> problems) {
        boolean declaresJudge = base.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> g.getName().equals(RuleSet.JUDGE) && g.getType().equals(Judge.class.getName()));
        if (!declaresJudge) {
            String first = files.drlFiles().isEmpty() ? "." : files.drlFiles().keySet().iterator().next();
            problems.add(new RuleProblem(campaign.id(), first, 1, 1,
                    "Thiếu dòng khai báo: global org.thidua.core.Judge judge; (the rules must declare the judge global)"));
        }
        List<String> declared = CampaignReferences.judgedIds(campaign);
        java.util.Set<String> judged = new java.util.HashSet<>();
        for (RuleIndex.RuleInfo rule : rules.all()) {
            judged.add(rule.criterion());
            if (rule.declaresCriterion() && !declared.contains(rule.criterion())) {
                problems.add(new RuleProblem(campaign.id(), rule.file(), ruleLine(files.files().get(rule.file()), rule.name()), 1,
                        "@criterion/@title(" + rule.criterion() + ") không có trong campaign.yaml; các tiêu chí và danh hiệu: "
                                + declared + " (unknown criterion)"));
            }
        }
        for (String id : declared) {
            if (!judged.contains(id)) {
                boolean title = campaign.title(id).isPresent();
                problems.add(new RuleProblem(campaign.id(), CampaignReader.FILE,
                        TextLines.lineOf(files.files().get(CampaignReader.FILE), "id:\\s*" + Pattern.quote(id) + "\\b"), 1,
                        (title ? "Danh hiệu " : "Tiêu chí ") + id + " chưa có luật nào " + (title ? "xét" : "chấm") + ": thêm một luật tên \""
                                + id + "\" hoặc có @" + (title ? "title(" : "criterion(") + id + ") (no rule judges this "
                                + (title ? "title" : "criterion") + ")"));
            }
        }
    }

    static int ruleLine(String text, String ruleName) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = RULE_HEADER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (name.equals(ruleName)) {
                return TextLines.lineAt(text, matcher.start(1));
            }
        }
        return 0;
    }
}
