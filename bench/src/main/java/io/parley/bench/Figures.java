package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Named latency histograms (microseconds), printed as a table and written as JSON. */
final class Figures {

    private final Map<String, Histogram> histograms = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    synchronized void record(String name, long micros) {
        histograms.computeIfAbsent(name, n -> new Histogram(3_600_000_000L, 3)).recordValue(Math.max(0, micros));
    }

    synchronized void fact(String name, Object value) {
        facts.put(name, value);
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(Locale.ROOT, "%-44s %9s %10s %10s %10s%n", "figure (ms)", "count", "p50", "p99", "max"));
        histograms.forEach((name, h) -> out.append(String.format(
                Locale.ROOT,
                "%-44s %9d %10.2f %10.2f %10.2f%n",
                name,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0)));
        facts.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-44s %s%n", name, value)));
        return out.toString();
    }

    synchronized Path writeJson(String benchmark) throws IOException {
        StringBuilder json =
                new StringBuilder("{\n  \"benchmark\": \"" + benchmark + "\",\n  \"at\": \"" + Instant.now() + "\",\n");
        json.append("  \"machine\": {\"cores\": ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(", \"java\": \"")
                .append(System.getProperty("java.version"))
                .append("\"},\n");
        json.append("  \"figuresMs\": {\n");
        int i = 0;
        for (var entry : histograms.entrySet()) {
            Histogram h = entry.getValue();
            json.append(String.format(
                    Locale.ROOT,
                    "    \"%s\": {\"count\": %d, \"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}%s%n",
                    entry.getKey(),
                    h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0,
                    ++i < histograms.size() ? "," : ""));
        }
        json.append("  },\n  \"facts\": {");
        int j = 0;
        for (var entry : facts.entrySet()) {
            json.append(j++ == 0 ? "" : ", ")
                    .append('"')
                    .append(entry.getKey())
                    .append("\": \"")
                    .append(entry.getValue())
                    .append('"');
        }
        json.append("}\n}\n");
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        Path file = dir.resolve(benchmark + "-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json);
        return file;
    }
}
