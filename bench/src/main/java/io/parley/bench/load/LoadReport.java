package io.parley.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The load benchmark's figures: latency histograms in microseconds (HdrHistogram, safe to record from many
 * threads), error counts by kind, and plain facts; printed as a table in which every latency is also shown
 * as a multiple of one base figure (raw Kafka produce → consume), and written as JSON.
 */
final class LoadReport {

    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> facts = new java.util.LinkedHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private @Nullable String base;

    void record(String figure, long micros) {
        histogram(figure).recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    /** Declares a figure so that it is listed (in this order) even when nothing was recorded. */
    Histogram histogram(String figure) {
        return histograms.computeIfAbsent(figure, f -> {
            order.add(f);
            return new ConcurrentHistogram(3_600_000_000L, 3);
        });
    }

    void error(String kind, String example) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        examples.putIfAbsent(kind, example.length() > 300 ? example.substring(0, 300) : example);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    synchronized void fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
    }

    /** The figure every other latency is divided by. */
    void base(String figure) {
        base = figure;
    }

    synchronized String table() {
        Histogram baseline = base == null ? null : histograms.get(base);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-50s %8s %9s %9s %9s %9s %9s %8s %8s%n",
                "figure (ms)",
                "count",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "max",
                "p50/raw",
                "p99/raw"));
        for (String name : order) {
            Histogram h = histograms.get(name);
            out.append(String.format(
                    Locale.ROOT,
                    "%-50s %8d %9.2f %9.2f %9.2f %9.2f %9.2f %8s %8s%n",
                    name,
                    h.getTotalCount(),
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    h.getMaxValue() / 1000.0,
                    ratio(h, baseline, 50),
                    ratio(h, baseline, 99)));
        }
        out.append(errors.isEmpty() ? "errors: none\n" : "errors:\n");
        new java.util.TreeMap<>(errors)
                .forEach((kind, count) -> out.append(
                        String.format(Locale.ROOT, "  %-48s %8d  e.g. %s%n", kind, count.get(), examples.get(kind))));
        facts.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-50s %s%n", name, value)));
        return out.toString();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String ratio(Histogram h, @Nullable Histogram baseline, double percentile) {
        if (baseline == null || baseline.getTotalCount() == 0 || h.getTotalCount() == 0 || h == baseline) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "%.1fx",
                (double) h.getValueAtPercentile(percentile) / baseline.getValueAtPercentile(percentile));
    }

    /** Prints the table under {@code title} (with the machine's cores and Java), then writes the JSON. */
    void print(String title, String benchmark) throws IOException {
        System.out.println();
        System.out.println(title + " (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        System.out.print(table());
        System.out.println("written to " + writeJson(benchmark));
    }

    synchronized Path writeJson(String benchmark) throws IOException {
        Histogram baseline = base == null ? null : histograms.get(base);
        List<String> lines = new ArrayList<>();
        for (String name : order) {
            Histogram h = histograms.get(name);
            lines.add(String.format(
                    Locale.ROOT,
                    "    \"%s\": {\"count\": %d, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f, \"p999\": %.3f, \"max\": %.3f%s}",
                    json(name),
                    h.getTotalCount(),
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    h.getMaxValue() / 1000.0,
                    ratio(h, baseline, 99).isEmpty()
                            ? ""
                            : ", \"p50OverRaw\": " + ratio(h, baseline, 50).replace("x", "") + ", \"p99OverRaw\": "
                                    + ratio(h, baseline, 99).replace("x", "")));
        }
        List<String> errorLines = new ArrayList<>();
        new java.util.TreeMap<>(errors)
                .forEach((kind, count) -> errorLines.add(String.format(
                        Locale.ROOT,
                        "    \"%s\": {\"count\": %d, \"example\": \"%s\"}",
                        json(kind),
                        count.get(),
                        json(examples.getOrDefault(kind, "")))));
        List<String> factLines = new ArrayList<>();
        facts.forEach((name, value) -> factLines.add("    \"" + json(name) + "\": \"" + json(value) + "\""));
        String text = "{\n  \"benchmark\": \"" + benchmark + "\",\n  \"at\": \"" + Instant.now() + "\",\n"
                + "  \"machine\": {\"cores\": " + Runtime.getRuntime().availableProcessors() + ", \"java\": \""
                + System.getProperty("java.version") + "\"},\n"
                + "  \"base\": \"" + json(base == null ? "" : base) + "\",\n"
                + "  \"figuresMs\": {\n" + String.join(",\n", lines) + "\n  },\n"
                + "  \"errors\": {\n" + String.join(",\n", errorLines) + "\n  },\n"
                + "  \"facts\": {\n" + String.join(",\n", factLines) + "\n  }\n}\n";
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        Path file = dir.resolve(benchmark + "-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, text);
        return file;
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
