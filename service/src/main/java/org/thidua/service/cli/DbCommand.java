package org.thidua.service.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.thidua.service.store.DatabaseAddress;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.HistoryCopy;
import org.thidua.service.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thidua db}: the history's database itself; {@code thidua db copy} moves a history into a new database. */
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = DbCommand.Copy.class,
        description = "Cơ sở dữ liệu lịch sử (the history's database): thidua db copy --from thidua.db --to postgresql://…")
public final class DbCommand extends CommandGroup {
    /** {@code thidua db copy}: every evaluation, rule-set version and import, in one transaction, into an empty database. */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Chép toàn bộ lịch sử sang cơ sở dữ liệu mới, rỗng (copies a whole history into a new, empty database),"
                    + " ví dụ từ tệp SQLite của một huyện sang PostgreSQL. Dừng thidua serve trên nguồn trước khi chép.",
                    "Mã thoát (exit codes): 0 đã chép, 2 địa chỉ sai hoặc đích đã có dữ liệu, 1 lỗi khác."})
    static final class Copy implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "Nguồn: tệp SQLite hoặc postgresql://…")
        String from;

        @Option(names = "--to", required = true, paramLabel = "FILE|URL",
                description = "Đích, rỗng: postgresql://máy:cổng/csdl?user=tên hoặc một tệp SQLite mới.")
        String to;

        @Mixin
        DatabasePassword password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            DatabaseAddress source;
            DatabaseAddress target;
            String secret;
            try {
                source = DatabaseAddress.parse(from);
                target = DatabaseAddress.parse(to);
                secret = password.read();
                DatabaseOption.mustExist(source, from);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            if (source.describe().equals(target.describe())) {
                err.println("Nguồn và đích là một (--from and --to are the same database)");
                return ExitCode.BAD_INPUT;
            }
            try (EvaluationStore in = source.open(secret); EvaluationStore out = target.open(secret)) {
                Map<String, Long> rows = HistoryCopy.copy(in, out);
                err.println("Đã chép sang " + target.describe() + " (copied): " + rows.get("evaluation") + " đánh giá, "
                        + rows.get("rule_set") + " phiên bản bộ luật, " + rows.get("figure_import") + " lần nhập số liệu");
                return ExitCode.OK;
            } catch (StoreException e) {
                err.println(e.getMessage());
                return e.getMessage().contains("(the target already holds") ? ExitCode.BAD_INPUT : ExitCode.FAILED;
            }
        }
    }
}
