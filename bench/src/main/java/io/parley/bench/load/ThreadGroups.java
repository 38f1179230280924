package io.parley.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the suite's CPU went, by part: every thread's user + system time is read from Linux's
 * {@code /proc/<pid>/task/<tid>/stat} at the start and the end of a window, and each thread is put in a group
 * by its name ({@code comm}, the first 15 characters of the Java thread name). The JIT compiler and the garbage
 * collector are among them, which a Java profiler's execution samples do not show; the services' HTTP handling
 * and Kafka listeners run on virtual threads, so they are all under the virtual-thread carriers.
 */
final class ThreadGroups {

    /** Name patterns in order; a thread goes to the first group that matches. */
    private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry("JIT compiler", Pattern.compile("C[12] CompilerThre.*")),
            Map.entry("garbage collector", Pattern.compile("(GC Thread|G1 |VM Thread|Z[A-Z][a-z]|Shenandoah).*")),
            Map.entry("virtual threads (services' HTTP, Kafka listeners)", Pattern.compile("ForkJoinPool-\\d+-.*")),
            Map.entry("gateway (reactor-netty)", Pattern.compile("reactor-http-.*")),
            Map.entry(
                    "Kafka broker",
                    Pattern.compile(
                            "(data-plane-kafk|group-coordinat|ExpirationReape|executor-.*|kafka-\\d+-.*|quorum-.*|broker-.*"
                                    + "|kafka-scheduler.*|kafka-log-.*|LogDirFailureH|controller-.*|raft-.*).*")),
            Map.entry("document store (mongo-java-server, H2)", Pattern.compile("(mongo-server-.*|MVStore.*|H2-.*)")),
            Map.entry("routing (Kafka Streams)", Pattern.compile("routing-servic.*")),
            Map.entry("event fan-outs (presence, channel-ingest)", Pattern.compile("(fan-out-.*|web-reply-fan.*)")),
            Map.entry("Kafka clients' network threads", Pattern.compile("kafka-(producer|coordinat).*")),
            Map.entry("Tomcat pollers, HTTP clients", Pattern.compile("(http-nio-.*|HttpClient-.*|MasterPoller.*)")));

    private static final Pattern ID = Pattern.compile("\\d+");

    private final long pid;
    private Map<String, Long> start = Map.of();

    ThreadGroups(long pid) {
        this.pid = pid;
    }

    void start() {
        start = ticksByThread();
    }

    /**
     * Cores per group over the window since {@link #start()}, the largest first, as one line of text; the
     * threads that fit no group are summed as "other" with their most expensive names.
     */
    String describe(double seconds) {
        Map<String, Long> end = ticksByThread();
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Long> otherNames = new HashMap<>();
        end.forEach((thread, ticks) -> {
            long used = ticks - start.getOrDefault(thread, 0L);
            if (used <= 0) {
                return;
            }
            String name = thread.substring(thread.indexOf(' ') + 1);
            String group = groupOf(name);
            byGroup.merge(group, used, Long::sum);
            if (group.equals("other")) {
                otherNames.merge(ID.matcher(name).replaceAll("#"), used, Long::sum);
            }
        });
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> sorted = byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.2f cores in all:", cores(total, seconds)));
        sorted.forEach(
                (group, ticks) -> out.append(String.format(Locale.ROOT, " %s %.2f;", group, cores(ticks, seconds))));
        if (!otherNames.isEmpty()) {
            out.append(" other threads: ")
                    .append(otherNames.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(4)
                            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), cores(e.getValue(), seconds)))
                            .collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    static String groupOf(String threadName) {
        for (Map.Entry<String, Pattern> group : GROUPS) {
            if (group.getValue().matcher(threadName).matches()) {
                return group.getKey();
            }
        }
        return "other";
    }

    private static double cores(long ticks, double seconds) {
        return ticks / 100.0 / seconds;
    }

    /** "tid name" → user + system clock ticks; threads that end between the reads are simply missing. */
    private Map<String, Long> ticksByThread() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // the process ended, or this is not Linux: nothing to report
        }
        return ticks;
    }
}
