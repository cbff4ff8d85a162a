package org.thidua.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitReport;

/**
 * One batch of generated units evaluated whole (findings, points, score, grade, rank over the batch): by thidua's
 * rules and by the plain-Java evaluation, in the same run. Time per batch; units/s = units / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class BatchEvaluation {
    /** Units in one batch. */
    @Param({"10000", "100000", "1000000"})
    public int units;

    /**
     * {@code thidua}: the rules, default limits (every core); {@code thidua-1-thread}: parallelism 1;
     * {@code plain}: plain Java on one thread; {@code plain-parallel}: plain Java on every core.
     */
    @Param({"thidua", "thidua-1-thread", "plain", "plain-parallel"})
    public String engine;

    private List<UnitReport> reports;
    private RuleSet rules;
    private PlainEvaluation plain;

    @Setup(Level.Trial)
    public void setUp() {
        reports = ReportGenerator.generate(2021, units);
        rules = RuleLibrary.bundled().ruleSet(Campaigns.DEFAULT);
        if (engine.equals("thidua-1-thread")) {
            rules = rules.withLimits(rules.limits().withParallelism(1));
        }
        plain = new PlainEvaluation(rules.campaign(), rules.version(), engine.equals("plain-parallel"));
    }

    @Benchmark
    public EvaluationResult evaluate() {
        return engine.startsWith("thidua") ? rules.evaluate(reports) : plain.evaluate(reports);
    }
}
