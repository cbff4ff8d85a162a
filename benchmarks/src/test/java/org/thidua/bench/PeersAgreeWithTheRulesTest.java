package org.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Status;
import org.thidua.core.UnitReport;

/**
 * A peer in {@link PeerComparison} is only a fair comparison if it decides what thidua decides: the same status
 * (MET, NOT_MET, NOT_APPLICABLE, NO_DATA) for every criterion of every unit.
 */
class PeersAgreeWithTheRulesTest {
    private static final RuleSet RULES = RuleLibrary.bundled().ruleSet(Campaigns.DEFAULT);
    private static final Function<UnitReport, UnitStatuses> BEFORE = UnitStatuses.before(RULES.campaign());

    static Stream<Named<Function<List<UnitReport>, List<UnitStatuses>>>> peers() {
        return Stream.of(
                Named.of("Easy Rules, MVEL rules from YAML", EasyRulesEvaluation.mvel(BEFORE)::evaluate),
                Named.of("Easy Rules, lambda rules", EasyRulesEvaluation.lambdas(BEFORE)::evaluate),
                Named.of("Drools, a session per unit", new DroolsEvaluation(1, BEFORE)::evaluate),
                Named.of("Drools, a session per 1,000 units", new DroolsEvaluation(1_000, BEFORE)::evaluate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void ten_thousand_generated_units_get_the_statuses_thidua_gives(Function<List<UnitReport>, List<UnitStatuses>> peer) {
        List<UnitReport> reports = ReportGenerator.generate(2021, 10_000);

        List<String> byPeer = peer.apply(reports).stream().map(PeersAgreeWithTheRulesTest::line).toList();

        assertThat(byPeer).containsExactlyElementsOf(byThidua(reports));
        assertThat(byPeer.stream().flatMap(line -> Stream.of(line.split(" ")))).contains(
                Stream.of(Status.values()).map(Status::name).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void edge_cases_get_the_statuses_thidua_gives_too(Function<List<UnitReport>, List<UnitStatuses>> peer) {
        List<UnitReport> reports = EdgeCases.reports();

        List<String> byPeer = peer.apply(reports).stream().map(PeersAgreeWithTheRulesTest::line).toList();

        assertThat(byPeer).containsExactlyElementsOf(byThidua(reports));
    }

    /** One line per unit: its id, then the status of each criterion. */
    private static List<String> byThidua(List<UnitReport> reports) {
        return RULES.evaluate(reports).evaluations().stream()
                .map(e -> e.unitId() + " " + String.join(" ", UnitStatuses.CRITERIA.stream()
                        .map(c -> e.finding(c).orElseThrow().status().name()).toList()))
                .toList();
    }

    private static String line(UnitStatuses statuses) {
        return statuses.getUnitId() + " " + String.join(" ", statuses.statuses().stream().map(Status::name).toList());
    }
}
