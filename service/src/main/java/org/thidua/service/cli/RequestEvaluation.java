package org.thidua.service.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

import org.thidua.core.EvaluationException;
import org.thidua.core.EvaluationResult;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.service.sheets.SheetFormatException;

/**
 * Reads a request file (JSON, or a CSV/XLSX sheet of unit figures; or standard input) and evaluates it, turning every failure a user can cause into a
 * message on standard error and an exit code: shared by the commands that evaluate a request.
 */
public final class RequestEvaluation {
    /** The library and result of a successful evaluation, or the exit code of a failed one. */
    record Outcome(RuleLibrary library, EvaluationResult result, int exitCode) {
        boolean failed() {
            return result == null;
        }
    }

    private RequestEvaluation() {
    }

    static Outcome run(RulesOption rules, String input, String campaign, PrintWriter err) throws IOException {
        RuleLibrary library;
        try {
            library = rules.load();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return new Outcome(null, null, ExitCode.BAD_INPUT);
        }
        try {
            return new Outcome(library, RequestInput.read(library, input, campaign).evaluate(), ExitCode.OK);
        } catch (NoSuchFileException e) {
            err.println("Không có tệp " + input + " (no such file)");
            return new Outcome(library, null, ExitCode.BAD_INPUT);
        } catch (InvalidInputException e) {
            err.println("Yêu cầu bị từ chối, " + e.problems().size() + " lỗi (request refused):");
            e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return new Outcome(library, null, ExitCode.BAD_INPUT);
        } catch (SheetFormatException e) {
            err.println(e.getMessage());
            return new Outcome(library, null, ExitCode.BAD_INPUT);
        } catch (RuleSetException e) {
            return new Outcome(library, null, rules.doNotCompile(e, err));
        } catch (EvaluationException e) {
            err.println("Bộ luật gặp lỗi khi đánh giá (the rules failed): " + e.getMessage());
            return new Outcome(library, null, ExitCode.BAD_RULES);
        }
    }
}
