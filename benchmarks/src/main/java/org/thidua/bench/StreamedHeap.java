package org.thidua.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.UnitReport;

/**
 * A million units evaluated from a file, chunk by chunk, under a small heap: reads JSON lines (one report of
 * contract v1 per line; the file is generated first if missing), reads and checks each chunk as a request
 * through {@link RuleLibrary#read(String)}, evaluates it, writes every evaluation as a JSON line to a sink that
 * counts the bytes, and ranks all units at the end from their scores. What stays in memory: one chunk (its text,
 * its JSON tree, its reports and results) plus 2 bytes per unit for the final ranking.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar org.thidua.bench.StreamedHeap [units] [chunk] [file]</pre>
 */
public final class StreamedHeap {
    /** The largest heap left after a collection, seen between chunks. */
    private static long liveAfterGc;

    private StreamedHeap() {
    }

    public static void main(String[] args) throws IOException {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path file = Path.of(args.length > 2 ? args[2] : "benchmarks/target/units-" + units + ".jsonl");
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            write(file, units);
            System.out.printf("wrote %,d reports to %s (%,d bytes) in %.1f s%n", units, file, Files.size(file),
                    (System.nanoTime() - start) / 1e9);
        }
        RuleLibrary library = RuleLibrary.bundled();
        resetPeaks();
        long start = System.nanoTime();
        short[] scoreCents = new short[units];
        Map<String, Integer> grades = new TreeMap<>();
        CountingSink sink = new CountingSink();
        ObjectWriter json = new ObjectMapper().writerFor(Evaluation.class);
        int evaluated = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder request = new StringBuilder();
            int inChunk = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                request.append(inChunk == 0 ? "{\"reports\":[" : ",").append(line);
                if (++inChunk == chunk) {
                    evaluated = evaluate(library, request, evaluated, scoreCents, grades, json, sink);
                    request.setLength(0);
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                evaluated = evaluate(library, request, evaluated, scoreCents, grades, json, sink);
            }
        }
        int[] ranksByCents = ranks(scoreCents, evaluated);
        double seconds = (System.nanoTime() - start) / 1e9;
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("evaluated %,d units in chunks of %,d in %.1f s (%,.0f units/s); results %,d bytes of JSON%n",
                evaluated, chunk, seconds, evaluated / seconds, sink.bytes);
        System.out.printf("grades %s; units ranked 1st: %,d%n", grades, countRankOne(scoreCents, evaluated, ranksByCents));
        System.out.printf("heap: -Xmx %,d MB; peak used (sum of the heap pools' peaks) %,d MB; largest live set after a GC %,d MB%n",
                maxHeap >> 20, peakUsed() >> 20, liveAfterGc >> 20);
    }

    private static int evaluate(RuleLibrary library, StringBuilder request, int evaluated, short[] scoreCents,
                                Map<String, Integer> grades, ObjectWriter json, CountingSink sink) throws IOException {
        EvaluationResult result = library.read(request.append("]}").toString()).evaluate();
        for (Evaluation evaluation : result.evaluations()) {
            json.writeValue(sink, evaluation);
            sink.write('\n');
            scoreCents[evaluated++] = (short) Math.round(evaluation.score() * 100);
            grades.merge(evaluation.grade(), 1, Integer::sum);
        }
        liveAfterGc = Math.max(liveAfterGc, afterLastGc());
        return evaluated;
    }

    /** Competition ranks over the whole stream, by score (0.00 to 100.00, so a count per score will do). */
    private static int[] ranks(short[] scoreCents, int n) {
        int[] count = new int[10_001];
        for (int i = 0; i < n; i++) {
            count[scoreCents[i]]++;
        }
        int[] rank = new int[10_001];
        int above = 0;
        for (int cents = 10_000; cents >= 0; cents--) {
            rank[cents] = above + 1;
            above += count[cents];
        }
        return rank;
    }

    private static int countRankOne(short[] scoreCents, int n, int[] ranksByCents) {
        int first = 0;
        for (int i = 0; i < n; i++) {
            first += ranksByCents[scoreCents[i]] == 1 ? 1 : 0;
        }
        return first;
    }

    private static void write(Path file, int units) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ReportGenerator generator = new ReportGenerator(2021);
        JsonFactory factory = new JsonFactory();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < units; i++) {
                try (JsonGenerator json = factory.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                    write(json, generator.next());
                }
                out.write('\n');
            }
        }
    }

    /** A report in JSON contract v1. */
    static void write(JsonGenerator json, UnitReport report) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("unit");
        json.writeStringField("id", report.unit().id());
        json.writeStringField("name", report.unit().name());
        json.writeStringField("kind", report.unit().kind().name());
        json.writeEndObject();
        if (report.satisfaction() != null) {
            json.writeObjectFieldStart("satisfaction");
            json.writeNumberField("surveyed", report.satisfaction().surveyed());
            json.writeNumberField("satisfied", report.satisfaction().satisfied());
            json.writeEndObject();
        }
        if (report.dossiers() != null) {
            json.writeObjectFieldStart("dossiers");
            json.writeNumberField("early", report.dossiers().early());
            json.writeNumberField("onTime", report.dossiers().onTime());
            json.writeNumberField("late", report.dossiers().late());
            json.writeNumberField("overdueInProgress", report.dossiers().overdueInProgress());
            json.writeEndObject();
        }
        if (report.frontlineStaff() != null) {
            json.writeObjectFieldStart("frontlineStaff");
            json.writeNumberField("total", report.frontlineStaff().total());
            json.writeNumberField("trained", report.frontlineStaff().trained());
            json.writeEndObject();
        }
        if (report.communeOfficials() != null) {
            json.writeObjectFieldStart("communeOfficials");
            json.writeNumberField("total", report.communeOfficials().total());
            json.writeNumberField("trainedOnIndices", report.communeOfficials().trainedOnIndices());
            json.writeEndObject();
        }
        if (report.portalPage() != null) {
            json.writeBooleanField("portalPage", report.portalPage());
        }
        if (!report.indicators().isEmpty()) {
            json.writeObjectFieldStart("indicators");
            for (Map.Entry<String, BigDecimal> indicator : report.indicators().entrySet()) {
                json.writeNumberField(indicator.getKey(), indicator.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long afterLastGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum();
    }

    /** Where results go: counted, not kept (a service would stream them to its client or its database). */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }

        @Override
        public void close() {
            // the sink outlives each evaluation written to it
        }
    }
}
