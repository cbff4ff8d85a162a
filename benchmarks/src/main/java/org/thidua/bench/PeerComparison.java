package org.thidua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitReport;

/**
 * thidua beside the engines users compare it with, in one JMH run, on the same generated units and five criteria:
 * Easy Rules 4.1 (MVEL rules from YAML, lambda rules) and Drools used directly (plain DRL, a stateless session per
 * unit or per 1,000 units) decide the statuses only; thidua and plain Java make full results. Every peer gives
 * thidua's statuses ({@code PeersAgreeWithTheRulesTest}). Time per batch; units/s = units / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class PeerComparison {
    /** Units in one batch. */
    @Param({"100000"})
    public int units;

    /**
     * Peers, one thread, statuses only: {@code easy-rules-mvel}, {@code easy-rules-lambda},
     * {@code drools-session-per-unit}, {@code drools-session-per-1000}. Full results: {@code plain} (plain Java,
     * one thread), {@code thidua} (default limits: every core), {@code thidua-1-thread}, and
     * {@code thidua-one-unit-per-call} (one {@code evaluate} of one unit after another), and {@code thidua-in-chunks}
     * ({@code evaluateInChunks} in chunks of 10,000 on one thread: each chunk's results handed over and dropped, the
     * ranks of all units at the end), and {@code thidua-five-criteria} (one thread, the campaign with the peers' five
     * criteria alone: {@link Campaigns#fiveCriteriaFolder()}).
     */
    @Param({"easy-rules-mvel", "easy-rules-lambda", "drools-session-per-unit", "drools-session-per-1000", "plain",
            "thidua", "thidua-1-thread", "thidua-one-unit-per-call", "thidua-in-chunks", "thidua-five-criteria"})
    public String engine;

    private List<UnitReport> reports;
    private Function<List<UnitReport>, ?> evaluation;

    @Setup(Level.Trial)
    public void setUp() {
        reports = ReportGenerator.generate(2021, units);
        // a benchmark measures speed, not the limits: on a loaded machine a batch of 100,000 may exceed the default 30 s
        RuleSet rules = RuleLibrary.bundled().ruleSet(Campaigns.DEFAULT)
                .withLimits(new RuleSet.Limits(RuleSet.Limits.DEFAULT.maxFiringsPerUnit(), java.time.Duration.ofMinutes(10)));
        Function<UnitReport, UnitStatuses> before = UnitStatuses.before(rules.campaign());
        evaluation = switch (engine) {
            case "easy-rules-mvel" -> EasyRulesEvaluation.mvel(before)::evaluate;
            case "easy-rules-lambda" -> EasyRulesEvaluation.lambdas(before)::evaluate;
            case "drools-session-per-unit" -> new DroolsEvaluation(1, before)::evaluate;
            case "drools-session-per-1000" -> new DroolsEvaluation(1_000, before)::evaluate;
            case "plain" -> new PlainEvaluation(rules.campaign(), rules.version(), false)::evaluate;
            case "thidua" -> rules::evaluate;
            case "thidua-1-thread" -> rules.withLimits(rules.limits().withParallelism(1))::evaluate;
            case "thidua-five-criteria" -> RuleSet.load(Campaigns.fiveCriteriaFolder())
                    .withLimits(rules.limits().withParallelism(1))::evaluate;
            case "thidua-one-unit-per-call" -> batch -> {
                List<Object> results = new ArrayList<>(batch.size());
                for (UnitReport report : batch) {
                    results.add(rules.evaluate(List.of(report)));
                }
                return results;
            };
            case "thidua-in-chunks" -> {
                RuleSet oneThread = rules.withLimits(rules.limits().withParallelism(1));
                yield batch -> {
                    int[] handedOver = {0};
                    int[] ranks = oneThread.evaluateInChunks(batch.iterator(), 10_000,
                            chunk -> handedOver[0] += chunk.evaluations().size());
                    return ranks.length + handedOver[0];
                };
            }
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    @Benchmark
    public Object evaluate() {
        return evaluation.apply(reports);
    }
}
