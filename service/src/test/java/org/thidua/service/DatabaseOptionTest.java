package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * {@code --db} means the same to every command that takes it ({@code serve}, {@code preview}, {@code report}, and
 * {@code db copy}'s {@code --from}): a wrong address, an unreadable password file and a missing SQLite file are
 * refused with exit code 2 and the same single line whichever command was given them, and nothing is created.
 */
class DatabaseOptionTest {
    @TempDir
    Path dir;

    /** Each command with whatever else it needs to reach its {@code --db}, the address going last. */
    private Map<String, List<String>> commands(boolean mayCreate) {
        Map<String, List<String>> commands = new java.util.LinkedHashMap<>();
        if (mayCreate) {
            commands.put("serve", List.of("serve", "--port", "0", "--db"));
        }
        commands.put("preview", List.of("preview", "--rules", dir.toString(), "--db"));
        commands.put("report", List.of("report", "--out", dir.resolve("report.html").toString(), "--db"));
        commands.put("db copy", List.of("db", "copy", "--to", dir.resolve("copy.db").toString(), "--from"));
        return commands;
    }

    private static CommandLineRun run(List<String> command, String address, String... more) {
        List<String> args = new ArrayList<>(command);
        args.add(address);
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void an_unsupported_address_is_refused_alike_by_every_command() {
        for (Map.Entry<String, List<String>> command : commands(true).entrySet()) {
            CommandLineRun run = run(command.getValue(), "mysql://may/csdl");
            assertThat(run.exitCode()).as(command.getKey()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).as(command.getKey()).isEqualTo("Không hỗ trợ cơ sở dữ liệu 'mysql:' (unsupported database"
                    + " address; use a SQLite file path or postgresql://host:port/database?user=NAME)" + System.lineSeparator());
        }
    }

    @Test
    void an_unreadable_password_file_is_refused_alike_by_every_command() {
        Path missing = dir.resolve("khong-co.txt");
        for (Map.Entry<String, List<String>> command : commands(true).entrySet()) {
            CommandLineRun run = run(command.getValue(), "postgresql://may:5432/csdl?user=thidua",
                    "--db-password-file", missing.toString());
            assertThat(run.exitCode()).as(command.getKey()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).as(command.getKey()).isEqualTo("Không đọc được tệp mật khẩu " + missing
                    + " (cannot read the password file)" + System.lineSeparator());
        }
    }

    @Test
    void a_missing_sqlite_file_is_refused_alike_where_the_history_must_exist_and_is_not_created() {
        Path missing = dir.resolve("khong-co.db");
        for (Map.Entry<String, List<String>> command : commands(false).entrySet()) {
            CommandLineRun run = run(command.getValue(), missing.toString());
            assertThat(run.exitCode()).as(command.getKey()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).as(command.getKey())
                    .isEqualTo("Không có tệp cơ sở dữ liệu " + missing + " (no such database file)" + System.lineSeparator());
            assertThat(missing).as(command.getKey()).doesNotExist();
        }
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }

    @Test
    void report_names_a_history_with_nothing_to_report_as_it_was_written() {
        Path empty = dir.resolve("trong.db");
        SqliteEvaluationStore.open(empty).close();
        CommandLineRun run = CommandLineRun.of("report", "--db", empty.toString(), "--out", dir.resolve("report.html").toString());
        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).endsWith("' chưa có kết quả đánh giá nào trong " + empty + " (no evaluations stored)"
                + System.lineSeparator()).hasLineCount(1);
    }
}
