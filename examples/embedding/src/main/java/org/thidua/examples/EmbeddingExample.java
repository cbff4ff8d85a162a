package org.thidua.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.thidua.core.*;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Embeds thidua: evaluates two units built in Java, then ranks a district data set read from JSON. */
public final class EmbeddingExample {
    public static void main(String[] args) throws IOException {
        // System.out may encode in ASCII (CI machines, some consoles): Vietnamese needs UTF-8.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        try {
            run(dataSet(args), out);
        } catch (IllegalArgumentException | InvalidInputException e) {
            // A refused data set names every wrong field (reports[3].satisfaction.satisfied): say so, no stack trace.
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8).println(e.getMessage());
            System.exit(2);
        }
    }

    static void run(Path dataSet, PrintStream out) throws IOException {
        // Compiling the rules takes a moment: do it once, then share the library between threads.
        RuleLibrary library = RuleLibrary.bundled();
        RuleSet rules = library.ruleSet("thach-that-cchc-2021");
        out.println(rules.campaign().title() + " (" + rules.version() + ")");

        List<UnitReport> reports = List.of(
                UnitReport.of(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE))
                        .withSatisfaction(new Satisfaction(200, 191))
                        .withDossiers(new Dossiers(300, 1215, 5, 0))
                        .withFrontlineStaff(new StaffTraining(12, 12))
                        .withCommuneOfficials(new CommuneOfficials(20, 19))
                        .withPortalPage(true),
                UnitReport.of(new Unit("phong-tu-phap", "Phòng Tư pháp", UnitKind.AGENCY))
                        .withSatisfaction(new Satisfaction(50, 50))
                        .withDossiers(new Dossiers(40, 160, 0, 0))
                        .withFrontlineStaff(new StaffTraining(4, 4)));
        for (Evaluation unit : rules.evaluate(reports).evaluations()) {
            out.printf("%n%s: %.2f điểm, %s%n", unit.unitName(), unit.score(), label(rules, unit.grade()));
            unit.findings().forEach(f -> out.printf("  %-24s %-14s %s%n", f.criterion(), f.status().label(), f.message()));
        }

        out.printf("%nXếp hạng (ranking): %s%n", dataSet);
        EvaluationResult district = rankDistrict(library, dataSet);
        for (Evaluation unit : district.ranking()) {
            out.printf("%3d  %-40s %6.2f  %s%n", unit.rank(), unit.unitName(), unit.score(), label(rules, unit.grade()));
        }
    }

    /** Reads a request in JSON contract v1: refused whole, with field paths, if anything in it is wrong. */
    static EvaluationResult rankDistrict(RuleLibrary library, Path dataSet) throws IOException {
        try (InputStream json = Files.newInputStream(dataSet)) {
            return library.read(json).evaluate();
        }
    }

    static String label(RuleSet rules, String grade) {
        return rules.campaign().grade(grade).map(Campaign.GradeBand::label).orElse(grade);
    }

    /** The first argument, else the data set next to this example (run from examples/embedding or the root). */
    static Path dataSet(String[] args) {
        List<String> candidates = args.length > 0 ? List.of(args[0])
                : List.of("../data/thach-that-2021.json", "examples/data/thach-that-2021.json");
        return candidates.stream().map(Path::of).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Không thấy tệp dữ liệu " + String.join(", ", candidates)
                        + ": nêu đường dẫn làm tham số đầu tiên (no such data set: give its path)"));
    }
}
