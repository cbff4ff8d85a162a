package org.thidua.service.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.thidua.core.RuleLibrary;
import org.thidua.core.VietnameseNumbers;
import org.thidua.service.report.TableExport;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.rounds.Actor;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.rounds.RoundResults;
import org.thidua.service.rounds.RoundTables;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thidua round …}: an officer's acts on the assessment rounds kept in a service's database, without the
 * service: open, list, show the results, close, reopen, and export the results or the audit trail. Each act is
 * recorded in the round's audit trail under {@code --by} (the machine's user by default).
 */
@Command(name = "round", mixinStandardHelpOptions = true,
        description = {"Kỳ đánh giá trong cơ sở dữ liệu của dịch vụ: mở, liệt kê, xem kết quả, đóng, mở lại, xuất kết quả hoặc nhật ký.",
                "(Assessment rounds in the service's database.)",
                "Mã thoát (exit codes): 0 thành công, 1 lỗi, 2 dữ liệu sai hoặc thao tác bị từ chối."},
        subcommands = {RoundCommand.Open.class, RoundCommand.ListRounds.class, RoundCommand.Show.class, RoundCommand.Deadline.class,
                RoundCommand.Close.class, RoundCommand.Reopen.class, RoundCommand.Export.class})
public final class RoundCommand extends CommandGroup {
    /** What every round subcommand takes: the database, the rules, who acts. */
    static final class Common {
        @Mixin
        DatabaseOption db;

        @Option(names = "--by", paramLabel = "NAME", description = "Người thực hiện, ghi vào nhật ký. Mặc định: tên người dùng máy.")
        String by;

        @Mixin
        RulesOption rules;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** Runs an act over the database; a refusal is printed and exits 2. */
        int run(Function<AssessmentRounds, String> act) {
            return run(act, false);
        }

        /** @param mayCreate whether the database may be new (opening the first round of a database) */
        int run(Function<AssessmentRounds, String> act, boolean mayCreate) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DatabaseOption.Database database;
            try {
                database = mayCreate ? db.mayBeNew() : db.existing();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            RuleLibrary[] library = new RuleLibrary[1];
            try (EvaluationStore evaluations = database.open(); RoundStore rounds = database.openRounds(evaluations)) {
                AssessmentRounds use = new AssessmentRounds(() -> library[0] != null ? library[0] : (library[0] = rules.load()),
                        evaluations, rounds, VietnamTime::now);
                out.print(act.apply(use));
                out.flush();
                return ExitCode.OK;
            } catch (RoundException e) {
                err.println(e.getMessage());
                e.faults().forEach(f -> err.println("  " + f.path() + ": " + f.message()));
                return ExitCode.BAD_INPUT;
            } catch (StoreException e) {
                err.println(e.getMessage());
                return ExitCode.FAILED;
            }
        }

        Actor actor() {
            return Actor.staff(by != null && !by.isBlank() ? by.trim() : "cli:" + System.getProperty("user.name", "?"));
        }
    }

    /** A round subcommand: an act over the rounds of {@code --db}, whose answer is printed. */
    abstract static class Act implements Callable<Integer> {
        @Mixin
        Common common;

        abstract String act(AssessmentRounds use);

        @Override
        public Integer call() {
            return common.run(this::act);
        }
    }

    /** A subcommand that acts on one round ({@code ROUND}). */
    abstract static class OneRoundAct extends Act {
        @Parameters(index = "0", paramLabel = "ROUND", description = "Mã kỳ đánh giá.")
        String round;
    }

    /** A subcommand that works with one campaign's rounds ({@code --campaign ID}). */
    abstract static class CampaignAct extends Act {
        @Option(names = "--campaign", required = true, paramLabel = "ID", description = "Chiến dịch.")
        String campaign;
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Mở kỳ đánh giá của một chiến dịch (open a round).")
    static final class Open extends CampaignAct {
        @Option(names = "--period", required = true, paramLabel = "TEXT", description = "Kỳ đánh giá, ví dụ \"Năm 2026\".")
        String period;
        @Option(names = "--deadline", required = true, paramLabel = "DATE",
                description = "Hạn nộp: 2026-12-15 (hết ngày, giờ Việt Nam) hoặc 2026-12-15T17:00:00+07:00.")
        String deadline;
        @Option(names = "--units", split = ",", paramLabel = "ID",
                description = "Các đơn vị phải nộp. Mặc định: các đơn vị đã có kết quả đánh giá của chiến dịch.")
        List<String> units = List.of();

        @Override
        String act(AssessmentRounds use) {
            return describe(use.open(campaign, period, deadline, units, common.actor()));
        }

        /** The first round of a database may be opened before the service ever ran on it. */
        @Override
        public Integer call() {
            return common.run(this::act, true);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Các kỳ đánh giá của một chiến dịch (a campaign's rounds).")
    static final class ListRounds extends CampaignAct {
        @Override
        String act(AssessmentRounds use) {
            List<List<String>> rows = new ArrayList<>();
            for (Round round : use.rounds(campaign)) {
                rows.add(List.of(round.id(), round.period(), status(round), VietnamTime.dateTime(round.deadline())));
            }
            StringBuilder text = new StringBuilder();
            TerminalTable.append(text, List.of("Mã kỳ", "Kỳ", "Trạng thái", "Hạn nộp (giờ Việt Nam)"), rows, Set.of());
            return text.toString();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Kết quả của kỳ: tự chấm và thẩm định, điều chỉnh và lý do, đơn vị chưa nộp (a round's results).")
    static final class Show extends OneRoundAct {
        @Override
        String act(AssessmentRounds use) {
            return results(use.results(round));
        }
    }

    @Command(name = "deadline", mixinStandardHelpOptions = true,
            description = "Đổi hạn nộp của kỳ đang mở: gia hạn hoặc rút ngắn, cần lý do (change a round's deadline).")
    static final class Deadline extends OneRoundAct {
        @Option(names = "--deadline", required = true, paramLabel = "DATE",
                description = "Hạn nộp mới: 2026-12-20 (hết ngày, giờ Việt Nam) hoặc 2026-12-20T17:00:00+07:00; có thể sớm hơn bây giờ.")
        String deadline;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Lý do đổi hạn (ghi vào nhật ký).")
        String reason;

        @Override
        String act(AssessmentRounds use) {
            return describe(use.changeDeadline(round, deadline, reason, common.actor()));
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Đóng kỳ: kết quả thành chính thức (close a round).")
    static final class Close extends OneRoundAct {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Lý do, căn cứ (ghi vào nhật ký).")
        String reason;

        @Override
        String act(AssessmentRounds use) {
            return describe(use.close(round, reason, common.actor()));
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Mở lại kỳ đã đóng, cần lý do (reopen a round).")
    static final class Reopen extends OneRoundAct {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Lý do mở lại (ghi vào nhật ký).")
        String reason;

        @Override
        String act(AssessmentRounds use) {
            return describe(use.reopen(round, reason, common.actor()));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Xuất kết quả (hoặc nhật ký, với --audit) của kỳ ra .csv hoặc .xlsx (export results or the audit trail).")
    static final class Export extends OneRoundAct {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp .csv hoặc .xlsx cần ghi.")
        Path out;
        @Option(names = "--audit", description = "Xuất nhật ký thay cho kết quả.")
        boolean audit;
        @Option(names = "--unit", paramLabel = "ID", description = "Với --audit: chỉ nhật ký của đơn vị này.")
        String unit;

        @Override
        String act(AssessmentRounds use) {
            TableExport table = audit ? RoundTables.audit(use.audit(round, unit)) : RoundTables.results(use.results(round));
            try (OutputStream file = Files.newOutputStream(out)) {
                if (OutputFormat.xlsx(out)) {
                    table.writeXlsx(file);
                } else {
                    table.writeCsv(file);
                }
            } catch (IOException e) {
                throw new StoreException("Không ghi được " + out + " (cannot write): " + e.getMessage(), e);
            }
            return "Đã ghi " + out + " (written)" + System.lineSeparator();
        }
    }

    static String describe(Round round) {
        return "Kỳ " + round.id() + " – " + round.period() + " – " + status(round) + ", hạn nộp " + VietnamTime.dateTime(round.deadline())
                + " (giờ Việt Nam)" + (round.closedAt() == null || round.isOpen() ? ""
                : ", đóng lúc " + VietnamTime.dateTime(round.closedAt()) + ", bộ luật " + round.ruleSetVersions())
                + System.lineSeparator();
    }

    static String status(Round round) {
        return round.isOpen() ? "đang mở" : "đã đóng";
    }

    static String results(RoundResults results) {
        List<List<String>> rows = new ArrayList<>();
        for (RoundResults.UnitResult unit : results.units()) {
            rows.add(List.of(String.valueOf(unit.rank()), unit.self().unitId(), VietnameseNumbers.score(unit.self().score()),
                    unit.appraised() == null ? "" : VietnameseNumbers.score(unit.appraised().score()), unit.standing().grade(),
                    String.valueOf(unit.corrections().size())));
        }
        StringBuilder text = new StringBuilder(describe(results.round()));
        text.append(results.isFinal() ? "Kết quả chính thức (final):" : "Kết quả tạm tính, kỳ còn mở (provisional):").append(System.lineSeparator());
        TerminalTable.append(text, List.of("Hạng", "Đơn vị", "Tự chấm", "Thẩm định", "Xếp loại", "Điều chỉnh"), rows, Set.of(0, 2, 3));
        for (RoundResults.UnitResult unit : results.units()) {
            unit.corrections().forEach(c -> text.append("  ").append(c.unitId()).append(": ")
                    .append(c.kind() == org.thidua.service.rounds.Correction.Kind.FIGURE
                            ? c.figure() + " " + c.oldValue() + " → " + c.newValue() : "minh chứng " + c.evidence() + " không được chấp nhận")
                    .append(" – ").append(c.reason()).append(System.lineSeparator()));
        }
        if (!results.notSubmitted().isEmpty()) {
            text.append("Chưa nộp (not submitted): ").append(String.join(", ", results.notSubmitted())).append(System.lineSeparator());
        }
        return text.toString();
    }
}
