package io.parley.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS and CPU time of one process, read from Linux's {@code /proc/<pid>} ({@code stat}: user + system time
 * in clock ticks of 1/100 s; {@code status}: {@code VmRSS}, {@code VmHWM}); and its Java heap after a full
 * GC, through {@code jcmd} (the suite's JVM runs as the same user).
 */
final class ProcessSampler {

    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    ProcessSampler(long pid) {
        this.pid = pid;
    }

    /** CPU seconds (user + system) used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size now, in MiB. */
    double rssMiB() {
        return statusKiB("VmRSS:") / 1024.0;
    }

    /** Peak resident set size, in MiB. */
    double peakRssMiB() {
        return statusKiB("VmHWM:") / 1024.0;
    }

    private long statusKiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** Runs a full GC in the process, then returns its heap in use (MiB), or -1 when jcmd failed. */
    double heapAfterGcMiB() {
        try {
            jcmd("GC.run");
            Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The first {@code lines} lines of the process's class histogram (live objects, after a full GC). */
    String classHistogram(int lines) {
        try {
            return jcmd("GC.class_histogram").lines().limit(lines).collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
