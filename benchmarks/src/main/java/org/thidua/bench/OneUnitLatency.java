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

/** One unit evaluated on its own, in process, as a single-unit request would be: the distribution of its latency. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class OneUnitLatency {
    @Param({"thidua", "plain"})
    public String engine;

    private UnitReport[] reports;
    private RuleSet rules;
    private PlainEvaluation plain;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        reports = ReportGenerator.generate(2021, 1024).toArray(UnitReport[]::new);
        rules = RuleLibrary.bundled().ruleSet(Campaigns.DEFAULT);
        plain = new PlainEvaluation(rules.campaign(), rules.version(), false);
    }

    @Benchmark
    public EvaluationResult evaluateOne() {
        List<UnitReport> one = List.of(reports[next++ & 1023]);
        return engine.equals("thidua") ? rules.evaluate(one) : plain.evaluate(one);
    }
}
