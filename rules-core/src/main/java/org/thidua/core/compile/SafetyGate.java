package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.thidua.core.RuleProblem;

/**
 * The safety gate: DRL is code, and a campaign's files are untrusted input. The gate decides by allow-list on
 * what the rules can reach — the fact model, the judge, pure computation ({@link RuleVocabulary}) — never by
 * looking for forbidden words, so there is no spelling that slips through. It stands in three places:
 * <ol>
 *   <li><b>The text</b>: a Java unicode escape ({@code \u005Cu…}) anywhere in a file refuses it before anything
 *       reads it further: Java decodes escapes before comments, so one can turn a comment into code.</li>
 *   <li><b>The structure</b>, from Drools' own parser, before compiling ({@link DrlStructure}): compiling already
 *       evaluates some parts (metadata, attribute expressions), so a file whose structure is refused is never
 *       compiled.</li>
 *   <li><b>The compiled actions</b>, read back as bytecode before any rule runs ({@link CompiledActions}).</li>
 * </ol>
 * Each refusal is a {@link RuleProblem} at the file, line and column, in plain words, Vietnamese first.
 */
public final class SafetyGate {
    private final String campaign;
    private final Map<String, String> drlFiles;
    /** Each file's tree from Drools' parser, read once: checked before compiling, and to place compiled refusals. */
    private final Map<String, PackageDescr> parsed = new HashMap<>();
    private final List<RuleProblem> refused = new ArrayList<>();

    private SafetyGate(String campaign, Map<String, String> drlFiles) {
        this.campaign = campaign;
        this.drlFiles = drlFiles;
    }

    /** The text and structure of a campaign's DRL files, checked; {@link #refused()} is empty when they may be compiled. */
    public static SafetyGate check(String campaign, Map<String, String> drlFiles) {
        SafetyGate gate = new SafetyGate(campaign, drlFiles);
        drlFiles.forEach(gate::checkFile);
        return gate;
    }

    /** Every refusal of the text and structure, each file's in line and column order. */
    public List<RuleProblem> refused() {
        return List.copyOf(refused);
    }

    private void checkFile(String file, String text) {
        List<RuleProblem> found = new ArrayList<>(unicodeEscapes(campaign, file, text));
        if (found.isEmpty()) {
            PackageDescr tree = parse(text);
            if (tree != null) { // a file that does not parse is refused by the compiler, with its syntax errors
                parsed.put(file, tree);
                found.addAll(DrlStructure.check(campaign, file, text, tree));
            }
        }
        found.sort(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        refused.addAll(found);
    }

    private static List<RuleProblem> unicodeEscapes(String campaign, String file, String text) {
        List<RuleProblem> refused = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                int end = i + 1;
                while (end < text.length() && end < i + 10 && (text.charAt(end) == 'u' || Character.digit(text.charAt(end), 16) >= 0)) {
                    end++;
                }
                refused.add(new RuleProblem(campaign, file, line, i - lineStart + 1, "Không dùng mã thoát '"
                        + text.substring(i, end) + "' ở bất kỳ đâu trong tệp (kể cả ghi chú và chuỗi): hãy gõ thẳng ký tự,"
                        + " kể cả tiếng Việt có dấu (unicode escapes are refused anywhere in a file: type the character itself)"));
            }
        }
        return refused;
    }

    private static PackageDescr parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            return parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The compiled actions of a campaign, read back before any of them runs: every refusal, at the line of the
     * DRL file the refused code was written on.
     */
    public List<RuleProblem> checkCompiled(KieBase base) {
        Map<String, RuleDescr> written = new HashMap<>();
        Map<String, String> fileOfRule = new HashMap<>();
        parsed.forEach((file, tree) -> {
            for (RuleDescr rule : tree.getRules()) {
                written.put(tree.getName() + "/" + rule.getName(), rule);
                fileOfRule.put(tree.getName() + "/" + rule.getName(), file);
            }
        });
        Map<String, String> ruleOfClass = new HashMap<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && impl.getConsequence() != null) {
                    String invoker = impl.getConsequence().getClass().getName();
                    ruleOfClass.put(invoker.replaceFirst("DefaultConsequenceInvoker$", "").replace('.', '/'),
                            pkg.getName() + "/" + rule.getName());
                }
            }
        }
        List<RuleProblem> unsafe = new ArrayList<>();
        for (var pkg : ((InternalKnowledgeBase) base).getPackagesMap().values()) {
            if (!(pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java)) {
                continue;
            }
            for (Map.Entry<String, byte[]> compiled : java.getStore().entrySet()) {
                String className = compiled.getKey().replaceFirst("\\.class$", "");
                if (className.endsWith("Invoker")) {
                    continue; // Drools' own template around an action: it holds nothing the campaign wrote
                }
                String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
                String key = ruleOfClass.getOrDefault(outer, "?/?");
                RuleDescr rule = written.get(key);
                String file = fileOfRule.getOrDefault(key, "?");
                String ruleName = key.substring(key.indexOf('/') + 1);
                int actionLine = rule == null ? 0 : rule.getConsequenceLine();
                for (CompiledActions.Refusal r : CompiledActions.check(new CompiledActions.RuleClass(className,
                        compiled.getValue(), ruleName, file, actionLine))) {
                    unsafe.add(located(campaign, r, drlFiles.get(file)));
                }
            }
        }
        unsafe.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return unsafe.stream().distinct().toList();
    }

    /** A compiled refusal at its DRL line: the action's first line plus how far into the action it was compiled. */
    private static RuleProblem located(String campaign, CompiledActions.Refusal r, String drl) {
        String message = "Luật \"" + r.rule() + "\": " + r.vietnamese() + " (" + r.english() + ")";
        if (r.actionLine() <= 0 || drl == null) {
            return new RuleProblem(campaign, r.file(), Math.max(r.actionLine(), 0), 0, message);
        }
        // the action's text starts on the line after Drools' own "KnowledgeHelper drools = …" in the compiled class
        int line = r.javaLine() <= 0 || r.textStartJavaLine() <= 0 ? r.actionLine()
                : r.actionLine() + 1 + (r.javaLine() - r.textStartJavaLine());
        String[] lines = drl.split("\n", -1);
        line = Math.max(r.actionLine(), Math.min(line, lines.length));
        int column = r.word().isEmpty() ? -1 : lines[line - 1].indexOf(r.word());
        if (column < 0 && !r.word().isEmpty()) { // the compiler's line may be off by one where the action starts on 'then'
            for (int l = r.actionLine(); l <= Math.min(lines.length, line + 2); l++) {
                if (lines[l - 1].contains(r.word())) {
                    line = l;
                    column = lines[l - 1].indexOf(r.word());
                    break;
                }
            }
        }
        return new RuleProblem(campaign, r.file(), line, column + 1, message);
    }
}
