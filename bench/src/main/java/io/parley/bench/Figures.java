package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every benchmark's figures: latency histograms in microseconds (HdrHistogram, safe to record from many
 * threads), error counts by kind, and plain facts; printed as a table in which every latency can also be shown
 * as a multiple of one base figure (the load benchmark's raw Kafka produce → consume), and written as JSON to
 * {@code bench-results/}.
 */
public final class Figures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private @Nullable String base;

    public void record(String figure, long micros) {
        histogram(figure).recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    /** Declares a figure so that it is listed (in this order) even when nothing was recorded. */
    public Histogram histogram(String figure) {
        return histograms.computeIfAbsent(figure, f -> {
            order.add(f);
            return new ConcurrentHistogram(3_600_000_000L, 3);
        });
    }

    public void error(String kind, String example) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        examples.putIfAbsent(kind, example.length() > 300 ? example.substring(0, 300) : example);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public synchronized void fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
    }

    /** The figure every other latency is divided by. */
    public void base(String figure) {
        base = figure;
    }

    /** One figure as printed and written: milliseconds, and multiples of the base figure (null without one). */
    private record Row(
            String name,
            long count,
            double p50,
            double p90,
            double p99,
            double p999,
            double max,
            @Nullable Double p50OverRaw,
            @Nullable Double p99OverRaw) {

        static Row of(String name, Histogram h, @Nullable Histogram baseline) {
            boolean relative =
                    baseline != null && baseline != h && baseline.getTotalCount() > 0 && h.getTotalCount() > 0;
            return new Row(
                    name,
                    h.getTotalCount(),
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    h.getMaxValue() / 1000.0,
                    relative ? ratio(h, baseline, 50) : null,
                    relative ? ratio(h, baseline, 99) : null);
        }

        private static double ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
        }

        private static double ratio(Histogram h, Histogram baseline, double percentile) {
            return (double) h.getValueAtPercentile(percentile) / baseline.getValueAtPercentile(percentile);
        }
    }

    private synchronized List<Row> rows() {
        Histogram baseline = base == null ? null : histograms.get(base);
        return order.stream()
                .map(name -> Row.of(name, histograms.get(name), baseline))
                .toList();
    }

    public synchronized String table() {
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
        for (Row row : rows()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-50s %8d %9.2f %9.2f %9.2f %9.2f %9.2f %8s %8s%n",
                    row.name(),
                    row.count(),
                    row.p50(),
                    row.p90(),
                    row.p99(),
                    row.p999(),
                    row.max(),
                    times(row.p50OverRaw()),
                    times(row.p99OverRaw())));
        }
        out.append(errors.isEmpty() ? "errors: none\n" : "errors:\n");
        new TreeMap<>(errors)
                .forEach((kind, count) -> out.append(
                        String.format(Locale.ROOT, "  %-48s %8d  e.g. %s%n", kind, count.get(), examples.get(kind))));
        facts.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-50s %s%n", name, value)));
        return out.toString();
    }

    private static String times(@Nullable Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.1fx", ratio);
    }

    /** Prints the table under {@code title} (with the machine's cores and Java), then writes the JSON. */
    public void print(String title, String benchmark) throws IOException {
        System.out.println();
        System.out.println(title + " (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        System.out.print(table());
        System.out.println("written to " + writeJson(benchmark));
    }

    public synchronized Path writeJson(String benchmark) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Row row : rows()) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("count", row.count());
            figure.put("p50", row.p50());
            figure.put("p90", row.p90());
            figure.put("p99", row.p99());
            figure.put("p999", row.p999());
            figure.put("max", row.max());
            if (row.p99OverRaw() != null) {
                figure.put("p50OverRaw", row.p50OverRaw());
                figure.put("p99OverRaw", row.p99OverRaw());
            }
            figures.put(row.name(), figure);
        }
        Map<String, Object> errorsByKind = new LinkedHashMap<>();
        new TreeMap<>(errors)
                .forEach((kind, count) -> errorsByKind.put(
                        kind, Map.of("count", count.get(), "example", examples.getOrDefault(kind, ""))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", benchmark);
        document.put("at", Instant.now().toString());
        document.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "java",
                        System.getProperty("java.version")));
        document.put("base", base == null ? "" : base);
        document.put("figuresMs", figures);
        document.put("errors", errorsByKind);
        document.put("facts", facts);
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        Path file = dir.resolve(benchmark + "-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        return file;
    }
}
