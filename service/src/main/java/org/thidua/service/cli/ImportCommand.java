package org.thidua.service.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.thidua.core.Campaign;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.core.VietnameseNumbers;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.imports.DossierImport;
import org.thidua.service.imports.ImportedFigures;
import org.thidua.service.imports.Period;
import org.thidua.service.imports.Progress;
import org.thidua.service.imports.ProgressBar;
import org.thidua.service.imports.RecordImport;
import org.thidua.service.imports.SurveyImport;
import org.thidua.service.sheets.InvalidSheetException;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code thidua import dossiers|surveys FILE}: counts per unit from record files, written as a request of JSON contract v1. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Nhập hồ sơ TTHC hoặc phiếu khảo sát, tính số liệu của từng đơn vị (imports records into unit figures).",
        subcommands = {ImportCommand.Dossiers.class, ImportCommand.Surveys.class})
public final class ImportCommand {
    private ImportCommand() {
    }

    @Command(name = "dossiers", mixinStandardHelpOptions = true,
            description = {"Hồ sơ TTHC (mỗi dòng một hồ sơ) → số hồ sơ trước hạn, đúng hạn, trễ hạn, quá hạn đang giải quyết của từng đơn vị.",
                    "Mã thoát: 0 thành công, 2 có dòng sai (không ghi gì), 3 luật sai."})
    static final class Dossiers extends Base {
        @Option(names = "--period", required = true, paramLabel = "YYYY|FROM..TO",
                description = "Kỳ tính: năm (2021) hoặc 2021-01-01..2021-11-30, cả hai đầu tính vào kỳ.")
        String period;

        @Override
        RecordImport newImport() {
            return new DossierImport(Period.parse(period));
        }

        @Override
        String measure() {
            return "dossiers";
        }
    }

    @Command(name = "surveys", mixinStandardHelpOptions = true,
            description = {"Phiếu khảo sát SIPAS (mỗi dòng một người trả lời) → số phiếu khảo sát và số phiếu hài lòng của từng đơn vị.",
                    "Hài lòng = câu hài lòng chung trả lời 4 hoặc 5. Mã thoát: 0 thành công, 2 có dòng sai, 3 luật sai."})
    static final class Surveys extends Base {
        @Override
        RecordImport newImport() {
            return new SurveyImport();
        }

        @Override
        String measure() {
            return "satisfaction";
        }
    }

    abstract static class Base extends RulesCommand {
        @Parameters(index = "0", paramLabel = "FILE.csv|FILE.xlsx|FILE.ods", description = "Tệp bản ghi (records file).")
        Path file;

        @Option(names = "--into", paramLabel = "REQUEST",
                description = "Yêu cầu gốc (JSON, CSV, XLSX hoặc ODS số liệu đơn vị): số liệu nhập thay cho số liệu cùng loại của từng đơn vị.")
        Path into;

        @Option(names = "--out", defaultValue = "-", paramLabel = "FILE.json|-",
                description = "Nơi ghi yêu cầu JSON v1 (mặc định: đầu ra chuẩn).")
        String out;

        @Mixin
        CampaignOption campaign;

        @Option(names = "--accept-bad-rows",
                description = "Bỏ qua các dòng sai và vẫn ghi kết quả (mặc định: có dòng sai thì không ghi gì).")
        boolean acceptBadRows;

        abstract RecordImport newImport();

        abstract String measure();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try {
                RuleLibrary library = rules.load();
                ObjectNode base = into == null ? null : base(library);
                String named = campaign.id() != null ? campaign.id() : base != null && base.path("campaign").isTextual() ? base.get("campaign").asText() : null;
                Campaign target = library.ruleSet(named).campaign();
                RecordImport.Result result;
                try (SheetRows rows = Sheets.open(file)) {
                    Progress progress = System.console() != null ? new ProgressBar(err, file.getFileName().toString()) : Progress.NONE;
                    result = newImport().run(rows, progress);
                }
                result.problems().kept().forEach(p -> err.println(p));
                if (result.problems().count() > result.problems().kept().size()) {
                    err.println("… và " + (result.problems().count() - result.problems().kept().size()) + " lỗi khác (more problems)");
                }
                if (!result.problems().isEmpty() && !acceptBadRows) {
                    err.println(result.problems().badRows() + " dòng sai trong " + result.rows() + " dòng: chưa ghi gì; sửa tệp, hoặc"
                            + " dùng --accept-bad-rows để bỏ qua các dòng sai (bad rows: nothing written)");
                    return ExitCode.BAD_INPUT;
                }
                ImportedFigures.Merged merged = ImportedFigures.merge(base, target.id(), measure(), result.units());
                if (!merged.unplaced().isEmpty()) {
                    merged.unplaced().forEach(err::println);
                    return ExitCode.BAD_INPUT;
                }
                byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged.request());
                ContractV1.read(library, merged.request(), target.id()); // checked before anything is written
                if ("-".equals(out)) {
                    spec.commandLine().getOut().println(new String(json, StandardCharsets.UTF_8));
                    spec.commandLine().getOut().flush();
                } else {
                    Files.write(Path.of(out), json);
                }
                err.println(summary(result, merged));
                return ExitCode.OK;
            } catch (NoSuchFileException e) {
                err.println("Không có tệp " + e.getFile() + " (no such file)");
                return ExitCode.BAD_INPUT;
            } catch (InvalidSheetException e) {
                e.cellProblems().forEach(err::println);
                return ExitCode.BAD_INPUT;
            } catch (InvalidInputException e) {
                err.println("Kết quả nhập không thành yêu cầu hợp lệ (the imported request is refused):");
                e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
                return ExitCode.BAD_INPUT;
            } catch (SheetFormatException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT;
            } catch (RuleSetException e) {
                return rules.doNotCompile(e, err);
            }
        }

        private ObjectNode base(RuleLibrary library) throws IOException {
            String name = into.getFileName().toString().toLowerCase(Locale.ROOT);
            if (SheetFormat.ofFileName(name) != null) {
                try (SheetRows rows = Sheets.open(into)) {
                    UnitSheetReader.UnitSheet sheet = UnitSheetReader.toRequest(rows, library.ruleSet(campaign.id()).campaign());
                    if (!sheet.problems().isEmpty()) {
                        throw new InvalidSheetException(sheet.problems());
                    }
                    return sheet.request();
                }
            }
            JsonNode tree = Json.MAPPER.readTree(into.toFile());
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException(into + ": không phải một yêu cầu JSON {\"campaign\", \"reports\"} (not a request)");
            }
            return object;
        }

        private String summary(RecordImport.Result result, ImportedFigures.Merged merged) {
            StringBuilder text = new StringBuilder("Đã đọc " + VietnameseNumbers.count(result.rows()) + " dòng, "
                    + result.units().size() + " đơn vị");
            result.uncounted().forEach((why, n) -> text.append("; không tính ").append(VietnameseNumbers.count(n)).append(" (").append(why).append(")"));
            if (!result.problems().isEmpty()) {
                text.append("; bỏ qua ").append(result.problems().badRows()).append(" dòng sai");
            }
            if (!merged.withoutRecords().isEmpty()) {
                text.append("; không có bản ghi, giữ nguyên số liệu cũ: ").append(String.join(", ", merged.withoutRecords()));
            }
            return text.toString();
        }
    }
}
