package org.thidua.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test fixtures under {@code src/test/resources} (surefire runs in the module folder), and small builders
 * for reports. Compiled rule sets are immutable, so each fixture campaign is compiled once per test run.
 */
final class Fixtures {
    static final Path RESOURCES = Path.of("src/test/resources");
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static Path fixture(String relative) {
        return RESOURCES.resolve(relative);
    }

    /** A fixture campaign folder, compiled once and shared. */
    static RuleSet ruleSet(String relative) {
        return COMPILED.computeIfAbsent(relative, r -> RuleSet.load(fixture(r)));
    }

    /** A copy of the real 2021 campaign ({@code rules/campaigns}), as a rules directory. */
    static RuleLibrary campaigns2021() {
        return Campaigns2021.LIBRARY;
    }

    private static final class Campaigns2021 {
        static final RuleLibrary LIBRARY = RuleLibrary.load(fixture("campaigns-2021"));
    }

    static UnitReport agency(String id) {
        return UnitReport.of(new Unit(id, "Phòng " + id, UnitKind.AGENCY));
    }

    static UnitReport commune(String id) {
        return UnitReport.of(new Unit(id, "UBND xã " + id, UnitKind.COMMUNE));
    }

    static UnitReport withIndicator(UnitReport report, String name, String value) {
        return report.withIndicators(Map.of(name, new BigDecimal(value)));
    }

    static EvaluationResult evaluate(RuleSet ruleSet, UnitReport... reports) {
        return ruleSet.evaluate(Arrays.asList(reports));
    }

    /** The finding of the only unit evaluated. */
    static Finding findingOf(RuleSet ruleSet, UnitReport report, String criterion) {
        return evaluate(ruleSet, report).evaluations().get(0).finding(criterion).orElseThrow();
    }

    /** Copies a campaign folder (or a rules directory) into {@code target}, which is created. */
    static Path copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pathsOf(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::path).toList();
    }
}
