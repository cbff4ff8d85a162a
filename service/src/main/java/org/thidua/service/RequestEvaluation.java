package org.thidua.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.thidua.core.EvaluationException;
import org.thidua.core.EvaluationResult;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;

/**
 * Reads a request file (or standard input) and evaluates it, turning every failure a user can cause into a
 * message on standard error and an exit code: shared by the commands that evaluate a request.
 */
final class RequestEvaluation {
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
            return new Outcome(null, null, Main.BAD_INPUT);
        }
        try (InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input))) {
            return new Outcome(library, library.read(in, campaign).evaluate(), Main.OK);
        } catch (NoSuchFileException e) {
            err.println("Không có tệp " + input + " (no such file)");
            return new Outcome(library, null, Main.BAD_INPUT);
        } catch (InvalidInputException e) {
            err.println("Yêu cầu bị từ chối, " + e.problems().size() + " lỗi (request refused):");
            e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return new Outcome(library, null, Main.BAD_INPUT);
        } catch (RuleSetException e) {
            err.println("Bộ luật có lỗi, chưa dùng được (the rules do not compile):");
            rules.print(e.problems(), err);
            return new Outcome(library, null, Main.BAD_RULES);
        } catch (EvaluationException e) {
            err.println("Bộ luật gặp lỗi khi đánh giá (the rules failed): " + e.getMessage());
            return new Outcome(library, null, Main.BAD_RULES);
        }
    }
}
