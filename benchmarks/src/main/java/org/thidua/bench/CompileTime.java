package org.thidua.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.thidua.core.RuleSet;

/**
 * Loading and compiling the default campaign (campaign.yaml and four DRL files): the first time in a fresh JVM
 * (cold: one shot per fork, Drools and the Java compiler not yet loaded), and again and again in a warm one.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileTime {
    private Path folder;

    @Setup(Level.Trial)
    public void setUp() {
        folder = Campaigns.defaultCampaignFolder();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 5, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RuleSet cold() {
        return RuleSet.load(folder);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public RuleSet warm() {
        return RuleSet.load(folder);
    }
}
