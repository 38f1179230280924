package io.parley.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A benchmark's command line: {@code --name value} or {@code --name=value} pairs after the benchmark's name,
 * each also settable as a system property ({@code -Dname=value}, as the older benchmarks read theirs).
 */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {}

    /** Reads {@code args} from index 1 on (index 0 names the benchmark). */
    public static Args parse(String[] args) {
        Args parsed = new Args();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                parsed.values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                parsed.values.put(name, args[++i]);
            } else {
                parsed.values.put(name, "true");
            }
        }
        return parsed;
    }

    public @Nullable String text(String name) {
        String value = values.get(name);
        return value != null ? value : System.getProperty(name);
    }

    public String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    public int integer(String name, int fallback) {
        String value = text(name);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    public double decimal(String name, double fallback) {
        String value = text(name);
        return value == null ? fallback : Double.parseDouble(value.trim());
    }

    public boolean flag(String name) {
        String value = text(name);
        return value != null && !value.equals("false");
    }

    /** A duration as {@code 500ms}, {@code 10s}, {@code 2m}, or plain seconds. */
    public Duration duration(String name, Duration fallback) {
        String value = text(name);
        return value == null ? fallback : duration(value);
    }

    static Duration duration(String value) {
        String v = value.trim();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    /** Every option given, for the report. */
    public Map<String, String> given() {
        return Map.copyOf(values);
    }
}
