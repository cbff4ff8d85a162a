package org.thidua.service.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works with the campaigns of {@code --rules DIR} (the bundled ones without it) and writes to the
 * streams picocli gives it: what {@code eval}, {@code serve}, {@code report}, {@code template}, {@code commendations}
 * and {@code import} have in common.
 */
abstract class RulesCommand implements Callable<Integer> {
    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;
}
