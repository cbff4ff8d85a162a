package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.thidua.core.Judge;
import org.thidua.core.Member;
import org.thidua.core.RuleProblem;
import org.thidua.core.Standing;
import org.thidua.core.TitleDecision;
import org.thidua.core.UnitReport;

/**
 * The safety gate's first half: what a DRL file is made of, read from the tree Drools' own parser makes of it (the
 * same tree Drools then compiles), checked against an allow-list of constructs. A rule matches facts of the model
 * with constraints made of names on {@link RuleVocabulary}, literals and comparisons, and its action calls the
 * judge. Everything else — functions, queries, type declarations, {@code eval}, {@code collect}, inline accumulate
 * code, entry points, windows, attribute expressions, annotations other than a rule's {@code @criterion} and
 * {@code @title} ({@link DrlAnnotations}), globals other than the judge — is refused where it is written.
 */
final class DrlStructure {
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList",
            "collectSet");
    private static final List<String> RESERVED_PACKAGES = List.of(
            "java", "javax", "jdk", "sun", "com.sun", "org.thidua", "org.drools", "org.kie", "org.mvel2");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    private final String campaign;
    private final String file;
    private final List<RuleProblem> refused = new ArrayList<>();
    private final DrlAnnotations annotations;

    private DrlStructure(String campaign, String file, String drl) {
        this.campaign = campaign;
        this.file = file;
        this.annotations = new DrlAnnotations(campaign, file, drl, refused);
    }

    /** Every construct of the file that is off the allow-list, at its line and column. */
    static List<RuleProblem> check(String campaign, String file, String text, PackageDescr drl) {
        DrlStructure structure = new DrlStructure(campaign, file, text);
        structure.checkPackage(drl);
        structure.annotations.refuseTheRest();
        return structure.refused;
    }

    private void checkPackage(PackageDescr drl) {
        String name = drl.getName() == null ? "" : drl.getName();
        RESERVED_PACKAGES.stream().filter(r -> name.equals(r) || name.startsWith(r + ".")).findFirst().ifPresent(r ->
                refuse(drl, "Không được dùng gói (package) '" + name + "': gói này dành riêng cho hệ thống; đặt tên như"
                        + " thidua.<mã_chiến_dịch>",
                        "package " + name + " is reserved"));
        for (ImportDescr imported : drl.getImports()) {
            String target = imported.getTarget();
            if (!RuleVocabulary.IMPORTABLE.containsKey(target)) {
                refuse(imported, "Không được import '" + target + "': chỉ import được các kiểu dữ kiện (UnitReport, Member…),"
                        + " judge và giá trị thường (String, BigDecimal, List…)", "import off the allow-list");
            }
        }
        drl.getFunctionImports().forEach(f -> refuse(f, "Không được dùng 'import function' (" + f.getTarget() + ")",
                "import function is refused"));
        drl.getAccumulateImports().forEach(a -> refuse(a, "Không được dùng 'import accumulate'", "import accumulate is refused"));
        for (GlobalDescr global : drl.getGlobals()) {
            boolean judge = global.getIdentifier().equals("judge")
                    && (global.getType().equals(Judge.class.getName()) || global.getType().equals("Judge"));
            if (!judge) {
                refuse(global, "Chỉ khai báo được một global: 'global " + Judge.class.getName() + " judge;'"
                        + " (global " + global.getType() + " " + global.getIdentifier() + ")", "the only global is the judge");
            }
        }
        drl.getFunctions().forEach(f -> refuse(f, "Không được viết hàm (function " + f.getName() + "): hãy viết điều kiện"
                + " trong phần when và gọi judge trong phần then", "functions are refused"));
        drl.getTypeDeclarations().forEach(t -> refuse(t, "Không được khai báo kiểu mới (declare " + t.getTypeName() + ")",
                "type declarations are refused"));
        drl.getEnumDeclarations().forEach(t -> refuse(t, "Không được khai báo kiểu mới (declare enum " + t.getTypeName() + ")",
                "type declarations are refused"));
        drl.getEntryPointDeclarations().forEach(e -> refuse(e, "Không được khai báo entry-point", "entry points are refused"));
        drl.getWindowDeclarations().forEach(w -> refuse(w, "Không được khai báo window", "windows are refused"));
        declarationAnnotations(drl);
        if (drl.getUnit() != null) {
            refuse(drl.getUnit(), "Không được khai báo unit", "rule units are refused");
        }
        drl.getAttributes().forEach(this::checkAttribute);
        for (RuleDescr rule : drl.getRules()) {
            checkRule(rule);
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule, "Không được viết query (" + rule.getName() + "): chỉ viết rule", "queries are refused");
            return;
        }
        rule.getAttributes().values().forEach(this::checkAttribute);
        annotations.onRule(rule);
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "Luật " + rule.getName() + " có nhiều phần then (do[…]): chỉ viết một phần then",
                    "named consequences are refused");
        }
        Set<String> bound = new HashSet<>();
        collectBindings(rule.getLhs(), bound);
        new Conditions(bound).check(rule.getLhs());
    }

    /** The names a rule binds anywhere in its conditions: {@code $r : UnitReport()}, {@code $n : count()}. */
    private static void collectBindings(BaseDescr descr, Set<String> bound) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getIdentifier() != null) {
                bound.add(pattern.getIdentifier());
            }
            pattern.getDescrs().forEach(d -> collectBindings(d, bound));
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                accumulate.getFunctions().forEach(f -> {
                    if (f.getBind() != null) {
                        bound.add(f.getBind());
                    }
                });
                accumulate.getDescrs().forEach(d -> collectBindings(d, bound));
            }
        } else if (descr instanceof BindingDescr binding) {
            bound.add(binding.getVariable());
        } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs().forEach(d -> collectBindings(d, bound));
        }
    }

    private void checkAttribute(AttributeDescr attribute) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
        boolean allowed = switch (name) {
            case "salience" -> INTEGER.matcher(value).matches();
            case "no-loop", "lock-on-active" -> value.isEmpty() || value.equals("true") || value.equals("false");
            case "dialect" -> value.equals("java") || value.equals("\"java\"");
            default -> false;
        };
        if (!allowed) {
            String what = name.equals("dialect") ? "dialect \"" + value.replace("\"", "") + "\": chỉ dùng dialect \"java\""
                    : name.equals("salience") ? "salience " + value + ": salience chỉ là một số nguyên, ví dụ salience 10"
                    : "thuộc tính '" + name + "': chỉ dùng salience (một số), no-loop, lock-on-active";
            refuse(attribute, "Không được dùng " + what, "attribute " + name + " " + value + " is off the allow-list");
        }
    }

    /** The annotations of declarations, refused with them: a declared type's, its fields', an entry point's, a window's. */
    private void declarationAnnotations(PackageDescr drl) {
        List<AbstractClassTypeDeclarationDescr> types = new ArrayList<>(drl.getTypeDeclarations());
        types.addAll(drl.getEnumDeclarations());
        for (AbstractClassTypeDeclarationDescr type : types) {
            annotations.refuseAll(type, "cho kiểu khai báo", "on a declared type", false);
            type.getFields().values().forEach(f -> annotations.refuseAll(f, "cho trường của kiểu khai báo", "on a field", false));
            if (type instanceof EnumDeclarationDescr enumeration) {
                enumeration.getLiterals().forEach(l -> annotations.refuseAll(l, "cho kiểu khai báo", "on a declared type", false));
            }
        }
        drl.getEntryPointDeclarations().forEach(e -> annotations.refuseAll(e, "cho khai báo", "on a declaration", false));
        drl.getWindowDeclarations().forEach(w -> annotations.refuseAll(w, "cho khai báo", "on a declaration", false));
    }

    /** The conditions (when) of one rule, with the names it binds. */
    private final class Conditions {
        private final Set<String> bound;

        Conditions(Set<String> bound) {
            this.bound = bound;
        }

        void check(BaseDescr descr) {
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern);
            } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
                if (descr instanceof AnnotatedBaseDescr annotated) {
                    annotations.refuseAll(annotated, "trong phần when", "in the conditions", false);
                }
                ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs().forEach(this::check);
            } else if (descr instanceof ExprConstraintDescr || descr instanceof BindingDescr) {
                constraint(descr);
            } else {
                String kind = descr.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
                refuse(descr, "Không được dùng '" + kind + "' trong phần when: chỉ viết các mẫu dữ kiện như"
                        + " UnitReport( dossiers != null ), not, exists, forall, from và accumulate với count/sum/min/max",
                        kind + " is off the allow-list");
            }
        }

        private void pattern(PatternDescr pattern) {
            String type = pattern.getObjectType();
            PatternSourceDescr source = pattern.getSource();
            boolean accumulates = source instanceof AccumulateDescr;
            if (!accumulates && !RuleVocabulary.isFactType(type)) {
                refuse(pattern, "Không được so khớp '" + type + "': đó không phải là kiểu dữ kiện; luật chỉ so khớp UnitReport, Member,"
                        + " TitleDecision, Standing…", "pattern type " + type + " is not a fact type");
            }
            if (pattern.isQuery()) {
                refuse(pattern, "Không được gọi query", "queries are refused");
            }
            if (!pattern.getBehaviors().isEmpty()) {
                refuse(pattern, "Không được dùng window / behavior", "windows are refused");
            }
            annotations.refuseAll(pattern, "cho mẫu dữ kiện", "on a pattern", true);
            pattern.getDescrs().forEach(this::check);
            if (source == null) {
                return;
            }
            if (source instanceof FromDescr from) {
                ConstraintExpression.check(from.getDataSource().toString(), bound).ifPresent(bad ->
                        refuseAt(pattern, new ConstraintExpression.Refusal(-1, bad.vietnamese(), bad.english()), "from"));
            } else if (source instanceof AccumulateDescr accumulate) {
                accumulate(accumulate);
            } else {
                String kind = source.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
                refuse(pattern, "Không được dùng '" + kind + "': dùng accumulate với count/sum/collectList",
                        kind + " is off the allow-list");
            }
        }

        private void accumulate(AccumulateDescr accumulate) {
            if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null
                    || accumulate.getReverseCode() != null || accumulate.isExternalFunction() && accumulate.getFunctions().isEmpty()) {
                refuse(accumulate, "Không được viết mã trong accumulate (init/action/result): dùng count(), sum(…), min(…),"
                        + " max(…), average(…), collectList(…)", "inline accumulate code is refused");
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr call : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(call.getFunction())) {
                    refuse(accumulate, "Không được dùng hàm '" + call.getFunction() + "' trong accumulate; dùng "
                            + String.join(", ", ACCUMULATE_FUNCTIONS), "accumulate function off the allow-list");
                }
                for (String parameter : call.getParams()) {
                    ConstraintExpression.check(parameter, bound).ifPresent(bad -> refuseAt(accumulate, bad, "accumulate"));
                }
            }
            accumulate.getDescrs().forEach(this::check);
        }

        private void constraint(BaseDescr descr) {
            String expression = descr instanceof BindingDescr binding ? binding.getExpression()
                    : ((ExprConstraintDescr) descr).getExpression();
            ConstraintExpression.check(expression, bound).ifPresent(bad -> refuseAt(descr, bad, null));
        }
    }

    private void refuseAt(BaseDescr descr, ConstraintExpression.Refusal bad, String where) {
        int line = Math.max(descr.getLine(), 0);
        int column = descr.getColumn() >= 0 && bad.offset() >= 0 ? descr.getColumn() + 1 + bad.offset() : 0;
        refused.add(new RuleProblem(campaign, file, line, line == 0 ? 0 : column, bad.vietnamese()
                + (where == null ? "" : " (trong " + where + ")") + " (" + bad.english() + ")"));
    }

    private void refuse(BaseDescr descr, String vietnamese, String english) {
        int line = Math.max(descr.getLine(), 0);
        int column = line > 0 && descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0;
        refused.add(new RuleProblem(campaign, file, line, column, vietnamese + " (" + english + ")"));
    }
}
