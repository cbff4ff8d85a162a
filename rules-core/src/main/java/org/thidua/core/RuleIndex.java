package org.thidua.core;

import java.util.HashMap;
import java.util.Map;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** For each compiled rule: the criterion it judges and where it is written. */
final class RuleIndex {
    /**
     * @param criterion the criterion, individual criterion or title the rule decides: its {@code @criterion(ID)}
     *                  or {@code @title(ID)}, or else its name
     * @param reference {@code criteria/on-time.drl: ON_TIME_DOSSIERS}
     */
    record RuleInfo(String name, String criterion, String reference, String file, boolean declaresCriterion) {
    }

    private final Map<String, Map<String, RuleInfo>> byPackage = new HashMap<>();

    /** @param references rule name → the name results give it, where it is not {@code file: rule name} (a sheet's column Luật) */
    RuleIndex(KieBase base, Map<String, String> references) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object declared = rule.getMetaData().getOrDefault("criterion", rule.getMetaData().get("title"));
                String criterion = declared != null ? declared.toString().trim() : rule.getName();
                String file = "?";
                if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
                    file = org.thidua.core.compile.SheetCriteria.source(impl.getResource().getSourcePath()
                            .replaceFirst("^src/main/resources/", ""));
                }
                byPackage.computeIfAbsent(pkg.getName(), k -> new HashMap<>())
                        .put(rule.getName(), new RuleInfo(rule.getName(), criterion,
                        references.getOrDefault(rule.getName(), file + ": " + rule.getName()), file, declared != null));
            }
        }
    }

    RuleInfo info(Rule rule) {
        return byPackage.getOrDefault(rule.getPackageName(), Map.of()).get(rule.getName());
    }

    Iterable<RuleInfo> all() {
        return byPackage.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
