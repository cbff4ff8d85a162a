package org.thidua.service;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.thidua.service.cli.CheckCommand;
import org.thidua.service.cli.CommendationsCommand;
import org.thidua.service.cli.DbCommand;
import org.thidua.service.cli.EvalCommand;
import org.thidua.service.cli.ExitCode;
import org.thidua.service.cli.ImportCommand;
import org.thidua.service.cli.PreviewCommand;
import org.thidua.service.cli.ReportCommand;
import org.thidua.service.cli.RoundCommand;
import org.thidua.service.cli.ServeCommand;
import org.thidua.service.cli.TemplateCommand;
import org.thidua.service.cli.TestCommand;
import org.thidua.service.cli.TokenCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thidua} command line. */
@Command(name = "thidua", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        resourceBundle = "org.thidua.service.cli.Options", // what each shared option (cli.…Option) means per command
        description = "Đánh giá thi đua cải cách hành chính theo bộ luật DRL (evaluates units against a CCHC campaign's rules).")
public final class Main {
    /**
     * The commands, in the order {@code thidua --help} lists them. Only the one named first on the command line is
     * built (picocli reads each command's options by reflection, about a third of a second for all of them in a cold
     * JVM); all are when none is named, or {@code help}, or a name that is none of them (to list or suggest them).
     */
    private static final List<Class<?>> COMMANDS = List.of(EvalCommand.class, ServeCommand.class, CheckCommand.class,
            TestCommand.class, ImportCommand.class, ReportCommand.class, TemplateCommand.class, CommendationsCommand.class,
            PreviewCommand.class, TokenCommand.class, RoundCommand.class, DbCommand.class, CommandLine.HelpCommand.class);

    /** The exit codes, as {@link ExitCode} defines them, for callers of {@link #run}. */
    static final int OK = ExitCode.OK;
    static final int FAILED = ExitCode.FAILED;
    static final int BAD_INPUT = ExitCode.BAD_INPUT;
    static final int BAD_RULES = ExitCode.BAD_RULES;

    public static void main(String[] args) {
        System.exit(run(args, utf8(java.io.FileDescriptor.out), utf8(java.io.FileDescriptor.err)));
    }

    /** Runs a command with the given streams; returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Main());
        String named = args.length > 0 ? args[0] : "";
        List<Class<?>> only = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(named)).toList();
        (only.isEmpty() ? COMMANDS : only).forEach(line::addSubcommand);
        line.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExitCodeExceptionMapper(e -> FAILED);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Lỗi không lường trước (unexpected error): " + e);
            e.printStackTrace(cmd.getErr());
            return FAILED;
        });
        line.setParameterExceptionHandler((e, argv) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return BAD_INPUT;
        });
        return line.execute(args);
    }

    /** The terminal's text: always UTF-8, whatever the machine's default, so Vietnamese survives. */
    private static PrintStream utf8(java.io.FileDescriptor descriptor) {
        return new PrintStream(new java.io.FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"thidua " + (version == null ? "(development)" : version)};
        }
    }
}
