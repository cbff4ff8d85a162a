package org.thidua.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSetException;
import org.thidua.core.RuleTests;

import picocli.CommandLine.Option;

/** {@code --rules DIR}: a rules directory (a folder of campaign folders); without it, the bundled campaigns. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Thư mục luật: các thư mục chiến dịch (campaign.yaml, *.drl, tests/). Mặc định: bộ luật đi kèm.")
    Path directory;

    /** @throws IllegalArgumentException when the directory does not exist, or is one campaign's own folder */
    RuleLibrary load() {
        return load(RuleLibrary::load, RuleLibrary::bundled);
    }

    /**
     * The campaigns, each one's rule tests run as soon as it has compiled ({@code thidua test}).
     *
     * @throws IllegalArgumentException as {@link #load()}
     */
    RuleTests.Run loadAndTest() {
        return load(RuleTests::runAll, RuleTests::runBundled);
    }

    private <T> T load(Function<Path, T> fromDirectory, Supplier<T> bundled) {
        if (directory != null && java.nio.file.Files.isRegularFile(directory.resolve("campaign.yaml"))) {
            Path parent = directory.toAbsolutePath().normalize().getParent();
            throw new IllegalArgumentException("Thư mục " + directory + " là thư mục của một chiến dịch (có campaign.yaml);"
                    + " hãy chỉ thư mục chứa các chiến dịch, ví dụ " + parent + " (" + directory
                    + " is one campaign's folder: give the rules directory that holds campaign folders)");
        }
        return directory == null ? bundled.get() : fromDirectory.apply(directory);
    }

    /** A problem as {@code file:line:column: message}, the file as a path a person can open. */
    String describe(RuleProblem problem) {
        String file = (problem.campaign() == null ? "" : problem.campaign() + "/") + problem.file();
        String shown = directory == null ? file : directory.resolve(file).toString();
        return shown + problem.place().substring(problem.file().length()) + ": " + problem.message();
    }

    void print(List<RuleProblem> problems, PrintWriter err) {
        problems.forEach(p -> err.println(describe(p)));
    }

    /** Says that the rules do not compile, each problem at its place; answers the exit code for it. */
    int doNotCompile(RuleSetException e, PrintWriter err) {
        err.println("Bộ luật có lỗi, chưa dùng được (the rules do not compile):");
        print(e.problems(), err);
        return ExitCode.BAD_RULES;
    }
}
