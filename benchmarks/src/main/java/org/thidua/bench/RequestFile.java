package org.thidua.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes an evaluation request (JSON contract v1) of generated units, for the service's load test:
 * <pre>java -cp benchmarks/target/benchmarks.jar org.thidua.bench.RequestFile UNITS FILE [SEED [SKIP]]</pre>
 * SKIP: units generated and left out first, so that requests written with SKIP 0, 1000, 2000… hold different units
 * (ids {@code u0000001}, {@code u0001001}, …), as a campaign of many units is filled.
 */
public final class RequestFile {
    private RequestFile() {
    }

    public static void main(String[] args) throws IOException {
        int units = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        ReportGenerator generator = new ReportGenerator(args.length > 2 ? Long.parseLong(args[2]) : 2021);
        int skip = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        for (int i = 0; i < skip; i++) {
            generator.next();
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("campaign", Campaigns.DEFAULT);
            json.writeArrayFieldStart("reports");
            for (int i = 0; i < units; i++) {
                StreamedHeap.write(json, generator.next());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
