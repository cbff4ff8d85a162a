package org.thidua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints JMH JSON results (from {@code -rf json}) as Markdown tables: for each benchmark and parameters, the median
 * of the measured iterations and their spread (min–max); for batches also units/s; for sampled latency the
 * percentiles of each iteration, median and spread. Where a file has a row of {@code engine=easy-rules-mvel} (the
 * peers' comparison), batches also show their speed relative to it, at the same number of units.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.thidua.bench.ResultsTable results/*.json</pre>
 *
 * With {@code --pooled} first, the files are rounds of the same run (made one after another, so that each engine is
 * measured at several moments of a shared machine's load): one table of all their measured iterations.
 */
public final class ResultsTable {
    /** The engine the peers' comparison is read against. */
    private static final String BASELINE = "easy-rules-mvel";

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        if (args.length > 0 && args[0].equals("--pooled")) {
            List<String> files = List.of(args).subList(1, args.length);
            print(files + ", pooled", pooled(json, files));
            return;
        }
        for (String file : args) {
            print(Path.of(file).getFileName().toString(), json.readTree(Files.readString(Path.of(file))));
        }
    }

    /** The results of several files in one: the measured iterations of the same benchmark and parameters together. */
    private static JsonNode pooled(ObjectMapper json, List<String> files) throws IOException {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (String file : files) {
            for (JsonNode result : json.readTree(Files.readString(Path.of(file)))) {
                String key = result.get("benchmark").asText() + " " + params(result.get("params"));
                ObjectNode first = byKey.get(key);
                if (first == null) {
                    byKey.put(key, result.deepCopy());
                } else {
                    ((ArrayNode) first.get("primaryMetric").get("rawData")).addAll((ArrayNode) result.get("primaryMetric").get("rawData"));
                    JsonNode allocated = allocation(result);
                    if (allocation(first) != null && allocated != null) {
                        ((ArrayNode) allocation(first).get("rawData")).addAll((ArrayNode) allocated.get("rawData"));
                    }
                }
            }
        }
        return json.createArrayNode().addAll(byKey.values());
    }

    private static void print(String title, JsonNode results) {
        System.out.println("<!-- " + title + " -->");
        Map<String, Double> baseline = baselineTimes(results);
        boolean header = true;
        for (JsonNode result : results) {
            String name = result.get("benchmark").asText().replaceFirst("^org\\.thidua\\.bench\\.", "");
            String params = params(result.get("params"));
            JsonNode metric = result.get("primaryMetric");
            String unit = metric.get("scoreUnit").asText();
            if (result.get("mode").asText().equals("sample")) {
                if (header) {
                    System.out.println("| benchmark | params | p50 (" + unit + ") | p99 (" + unit + ") | p99.9 (" + unit + ") | samples |");
                    System.out.println("| --- | --- | --- | --- | --- | --- |");
                    header = false;
                }
                List<double[]> perIteration = percentilesPerIteration(metric.get("rawDataHistogram"));
                System.out.printf("| %s | %s | %s | %s | %s | %,d |%n", name, params, spread(column(perIteration, 0)),
                        spread(column(perIteration, 1)), spread(column(perIteration, 2)), metric.get("scoreConfidence") == null ? 0
                                : countSamples(metric.get("rawDataHistogram")));
                continue;
            }
            List<Double> values = times(result);
            double fastest = values.stream().mapToDouble(d -> d).min().orElse(0);
            double slowest = values.stream().mapToDouble(d -> d).max().orElse(0);
            if (header) {
                System.out.println("| benchmark | params | median (" + unit + ") | min–max | runs | units/s: median (min–max) |"
                        + (baseline.isEmpty() ? "" : " vs " + BASELINE + " |") + (allocation(result) == null ? "" : " bytes/unit (-prof gc) |"));
                System.out.println("| --- | --- | --- | --- | --- | --- |" + (baseline.isEmpty() ? "" : " --- |")
                        + (allocation(result) == null ? "" : " --- |"));
                header = false;
            }
            String units = param(result, "units");
            String perSecond = units == null || !unit.equals("ms/op") ? ""
                    : String.format("%,.0f (%,.0f–%,.0f)", Double.parseDouble(units) / (median(values) / 1000),
                    Double.parseDouble(units) / (slowest / 1000), Double.parseDouble(units) / (fastest / 1000));
            Double against = baseline.get(units);
            String ratio = baseline.isEmpty() ? "" : against == null ? " |" : String.format(" %.2f× |", against / median(values));
            JsonNode allocated = allocation(result);
            String bytes = allocated == null || units == null ? "" : String.format(" %,.0f |", median(rawData(allocated))
                    / Double.parseDouble(units));
            System.out.printf("| %s | %s | %s | %s–%s | %d | %s |%s%s%n", name, params, number(median(values)),
                    number(fastest), number(slowest), values.size(), perSecond, ratio, bytes);
        }
        System.out.println();
    }

    /** The baseline engine's median time, by number of units. */
    private static Map<String, Double> baselineTimes(JsonNode results) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode result : results) {
            if (BASELINE.equals(param(result, "engine")) && !result.get("mode").asText().equals("sample")) {
                out.put(param(result, "units"), median(times(result)));
            }
        }
        return out;
    }

    private static String param(JsonNode result, String name) {
        JsonNode params = result.get("params");
        return params == null || params.get(name) == null ? null : params.get(name).asText();
    }

    private static List<Double> times(JsonNode result) {
        return rawData(result.get("primaryMetric"));
    }

    private static List<Double> rawData(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        metric.get("rawData").forEach(fork -> fork.forEach(v -> values.add(v.asDouble())));
        return values;
    }

    /** Bytes allocated per operation, when the run had {@code -prof gc}; else {@code null}. */
    private static JsonNode allocation(JsonNode result) {
        JsonNode secondary = result.get("secondaryMetrics");
        if (secondary == null) {
            return null;
        }
        JsonNode norm = secondary.get("gc.alloc.rate.norm");
        return norm != null ? norm : secondary.get("\u00b7gc.alloc.rate.norm");
    }

    private static String params(JsonNode params) {
        if (params == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            out.add(p.getKey() + "=" + p.getValue().asText());
        }
        return String.join(", ", out);
    }

    /** p50, p99, p99.9 of each measured iteration's histogram. */
    private static List<double[]> percentilesPerIteration(JsonNode forks) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                List<double[]> buckets = new ArrayList<>();
                long total = 0;
                for (JsonNode pair : iteration) {
                    buckets.add(new double[] {pair.get(0).asDouble(), pair.get(1).asDouble()});
                    total += pair.get(1).asLong();
                }
                buckets.sort((a, b) -> Double.compare(a[0], b[0]));
                out.add(new double[] {percentile(buckets, total, 0.50), percentile(buckets, total, 0.99), percentile(buckets, total, 0.999)});
            }
        }
        return out;
    }

    private static double percentile(List<double[]> buckets, long total, double p) {
        double seen = 0;
        for (double[] bucket : buckets) {
            seen += bucket[1];
            if (seen >= p * total) {
                return bucket[0];
            }
        }
        return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1)[0];
    }

    private static long countSamples(JsonNode forks) {
        long n = 0;
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    n += pair.get(1).asLong();
                }
            }
        }
        return n;
    }

    private static List<Double> column(List<double[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toList();
    }

    private static String spread(List<Double> values) {
        return number(median(values)) + " (" + number(values.stream().mapToDouble(d -> d).min().orElse(0)) + "–"
                + number(values.stream().mapToDouble(d -> d).max().orElse(0)) + ")";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
