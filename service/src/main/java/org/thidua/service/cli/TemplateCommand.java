package org.thidua.service.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.service.sheets.UnitSheetTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thidua template}: writes the blank unit-figures sheet of a campaign (its indicators included). */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Ghi mẫu bảng số liệu đơn vị (.csv hoặc .xlsx) của một chiến dịch (writes the unit-figures template).")
public final class TemplateCommand extends RulesCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FILE.xlsx",
            description = "Tệp mẫu cần ghi; đuôi .xlsx cho Excel, còn lại là CSV UTF-8 (the file to write).")
    Path out;

    @Mixin
    CampaignOption campaign;

    @Override
    public Integer call() throws IOException {
        try {
            RuleLibrary library = rules.load();
            UnitSheetTemplate template = new UnitSheetTemplate(library.ruleSet(campaign.id()).campaign());
            try (OutputStream file = Files.newOutputStream(out)) {
                template.write(file, OutputFormat.xlsx(out));
            }
        } catch (IllegalArgumentException | InvalidInputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (RuleSetException e) {
            return rules.doNotCompile(e, spec.commandLine().getErr());
        }
        spec.commandLine().getErr().println("Đã ghi " + out + " (written)");
        return ExitCode.OK;
    }
}
