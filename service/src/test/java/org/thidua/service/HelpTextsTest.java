package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The help of every command is part of the command line's behaviour: each text is pinned, so moving an option into a
 * shared mixin (or any other refactoring) cannot change what a person reads. To change a help text on purpose, change
 * its file under {@code expected/help} too.
 */
class HelpTextsTest {
    static final Path EXPECTED = Path.of("src/test/resources/expected/help");

    static List<String> commands() {
        return List.of("", "eval", "serve", "check", "test", "import", "import dossiers", "import surveys", "report",
                "template", "commendations", "preview", "token", "round", "db");
    }

    static Path file(String command) {
        return EXPECTED.resolve((command.isEmpty() ? "thidua" : command.replace(' ', '-')) + ".txt");
    }

    static String help(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @ParameterizedTest(name = "thidua {0} --help")
    @MethodSource("commands")
    void the_help_of_each_command_is_the_pinned_text(String command) throws Exception {
        assertThat(help(command)).isEqualTo(Files.readString(file(command), StandardCharsets.UTF_8));
    }
}
