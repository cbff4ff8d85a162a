package org.thidua.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleTests;

import picocli.CommandLine.Parameters;

/** {@code [DIR]}: the rules directory to check or test, given as an argument; without it, the bundled campaigns. */
public final class RulesDirectoryArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Thư mục luật: các thư mục chiến dịch (campaign.yaml, *.drl, tests/). Mặc định: bộ luật đi kèm"
                    + " (a rules directory; default: the bundled campaigns).")
    Path directory;

    private RulesOption asOption() {
        RulesOption option = new RulesOption();
        option.directory = directory;
        return option;
    }

    /** @throws IllegalArgumentException when the directory does not exist */
    RuleLibrary load() {
        return asOption().load();
    }

    /** The campaigns, or {@code null} once {@code err} has said why there are none (the directory does not exist). */
    RuleLibrary loadOrSay(PrintWriter err) {
        return orSay(this::load, err);
    }

    /** The campaigns with their rule tests run ({@code thidua test}), or {@code null} as {@link #loadOrSay}. */
    RuleTests.Run loadAndTestOrSay(PrintWriter err) {
        return orSay(() -> asOption().loadAndTest(), err);
    }

    private static <T> T orSay(Supplier<T> loading, PrintWriter err) {
        try {
            return loading.get();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** {@code file:line:column: message}, the file as a path a person can open. */
    String describe(RuleProblem problem) {
        return asOption().describe(problem);
    }

    /** A file of a campaign, as a path a person can open. */
    String path(String campaign, String file) {
        String relative = campaign + "/" + file;
        return directory == null ? relative : directory.resolve(relative).toString();
    }
}
