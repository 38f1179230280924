package io.parley.bench.load;

import io.parley.bench.Figures;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * {@code ./parley bench capacity}: what idle sockets cost the suite. Starts the suite (a child JVM), signs
 * in a few staff members and opens conversations on the demo widget, then opens N idle agent sockets
 * ({@code /ws/agent}, spread over the staff) and N idle visitor sockets ({@code /ws/visitor}, one per
 * conversation), all through the gateway, and reads the suite's heap after a full GC ({@code jcmd}) and its
 * RSS before and after each kind. Options: {@code agents} (3000), {@code visitors} (3000), {@code staff}
 * (20), {@code suite-java-options}. Each socket holds a file descriptor in the gateway for each side and one
 * in the service, so the suite needs about 3 per socket: 5,000 + 5,000 needs {@code ulimit -n} of 32,000.
 */
public final class CapacityBench {

    private static final String PASSWORD = "capacity-password-1";

    private CapacityBench() {}

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments);
        int agents = args.integer("agents", 3000);
        int visitors = args.integer("visitors", 3000);
        int staffCount = args.integer("staff", 20);
        long limit = openFileLimit();
        long needed = 3L * (agents + visitors) + 1500;
        if (limit > 0 && needed > limit) {
            System.err.println("parley bench capacity: " + agents + " + " + visitors + " sockets need about " + needed
                    + " open files in the suite, the limit is " + limit + " (ulimit -n): raise it or ask for fewer.");
            System.exit(1);
        }
        Figures report = new Figures();
        report.fact("options", args.given());
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("bench", "target")), "capacity-suite-");
        List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
        String[] histogramText = {""};
        System.out.println("Starting the suite (data in " + data + ")…");
        try (SuiteProcess suite = SuiteProcess.start(
                Path.of(args.text("launcher-jar", "launcher/target/parley-launcher-exec.jar")),
                args.integer("port-offset", -1),
                data,
                "http://127.0.0.1:9",
                args.text("suite-java-options", "").isBlank()
                        ? List.of()
                        : List.of(args.text("suite-java-options", "").trim().split("\\s+")))) {
            ProcessSampler sampler = new ProcessSampler(suite.pid());
            Api api = new Api(suite.gatewayUrl());
            String admin = api.login("admin", "parley-admin");
            System.out.println("Preparing " + staffCount + " staff and " + visitors + " conversations…");
            List<String> tokens = parallel(staffCount, 4, i -> {
                Api.Answer created = api.call(
                        "POST",
                        "/api/admin/staff",
                        admin,
                        Map.of(
                                "username",
                                "capacity-" + i,
                                "name",
                                "Capacity " + i,
                                "password",
                                PASSWORD,
                                "roles",
                                List.of("STAFF"),
                                "maxConcurrentChats",
                                50));
                if (!created.ok() && created.status() != 409) {
                    throw new IllegalStateException("staff: " + created);
                }
                return api.login("capacity-" + i, PASSWORD);
            });
            List<String> visitorTokens = parallel(visitors, 8, i -> {
                Api.Answer started = api.call(
                        "POST",
                        "/api/widget/demo/conversations",
                        null,
                        Map.of(
                                "entry", Map.of("type", "TAG", "id", "support"),
                                "visitor", Map.of("name", "Idle " + i),
                                "text", "capacity " + i));
                if (!started.ok()) {
                    throw new IllegalStateException("conversation: " + started);
                }
                return started.json().path("visitorToken").asString();
            });
            // The conversations wait for staff (no one is ACTIVE): let them all go missed first, so that
            // their offers and timers are not freed in the middle of a measurement.
            Api.Answer support = api.call("GET", "/api/admin/destinations/support", admin, null);
            System.out.println("Waiting for the conversations to go missed…");
            awaitNoneOpen(
                    api,
                    admin,
                    Duration.ofSeconds((support.ok()
                                    ? support.json().path("maxWaitSeconds").asInt(60)
                                    : 60)
                            + 60));
            double heap0 = settledHeap(sampler);
            double rss0 = sampler.rssMiB();

            System.out.println("Opening " + agents + " agent sockets…");
            parallel(agents, 32, i -> {
                sockets.add(socket(api, "/ws/agent?access_token=" + tokens.get(i % tokens.size())));
                return i;
            });
            double heap1 = settledHeap(sampler);
            double rss1 = sampler.rssMiB();

            System.out.println("Opening " + visitors + " visitor sockets…");
            parallel(visitors, 32, i -> {
                sockets.add(socket(api, "/ws/visitor?token=" + visitorTokens.get(i)));
                return i;
            });
            double heap2 = settledHeap(sampler);
            double rss2 = sampler.rssMiB();
            long open = sockets.stream().filter(s -> !s.isInputClosed()).count();
            histogramText[0] = sampler.classHistogram(args.integer("histogram", 25) + 3);

            report.fact(
                    "suite",
                    "child JVM pid " + suite.pid()
                            + " (launcher --demo, -Xmx1g); heap after a full GC (jcmd GC.run, GC.heap_info), RSS from /proc");
            report.fact("baseline (staff signed in, conversations open)", mib(heap0, rss0));
            report.fact("with " + agents + " idle agent sockets", mib(heap1, rss1));
            report.fact("with " + visitors + " idle visitor sockets too", mib(heap2, rss2));
            report.fact("per agent socket", kib(heap1 - heap0, rss1 - rss0, agents));
            report.fact("per visitor socket", kib(heap2 - heap1, rss2 - rss1, visitors));
            report.fact("sockets still open at the end", open + " of " + (agents + visitors));
            sockets.forEach(s -> s.abort());
        }
        System.out.println();
        System.out.println("Capacity benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        System.out.print(report.table());
        System.out.println("written to " + report.writeJson("capacity"));
        System.out.println();
        System.out.println("The suite's largest classes with every socket open (jcmd GC.class_histogram):");
        System.out.println(histogramText[0]);
        System.exit(0);
    }

    /** Waits until no enquiry is OPEN any more (all went missed at their deadline), within {@code limit}. */
    private static void awaitNoneOpen(Api api, String admin, Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            Api.Answer open = api.call("GET", "/api/enquiries?state=OPEN&size=1", admin, null);
            if (open.ok() && open.json().path("items").isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("enquiries still OPEN " + limit.toSeconds() + " s after they were opened");
    }

    /**
     * The suite's live heap once it has stopped changing (the sockets' server-side work done): a full GC and a
     * reading each second until two readings are within 1 MiB, at most 30 s.
     */
    private static double settledHeap(ProcessSampler sampler) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double previous = sampler.heapAfterGcMiB();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            double now = sampler.heapAfterGcMiB();
            if (Math.abs(now - previous) < 1.0) {
                return Math.min(now, previous);
            }
            previous = now;
        }
        return previous;
    }

    private static WebSocket socket(Api api, String path) {
        try {
            return api.socket(path, new TextFrames(frame -> {}));
        } catch (Exception e) {
            throw new IllegalStateException("socket " + path.substring(0, path.indexOf('?')) + ": " + e, e);
        }
    }

    private static String mib(double heap, double rss) {
        return String.format(Locale.ROOT, "heap %.1f MiB, RSS %.1f MiB", heap, rss);
    }

    private static String kib(double heapMiB, double rssMiB, int count) {
        return String.format(Locale.ROOT, "heap %.1f KiB, RSS %.1f KiB", heapMiB * 1024 / count, rssMiB * 1024 / count);
    }

    private static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
                }
            }
        } catch (Exception e) {
            // not Linux: no check
        }
        return -1;
    }

    private static <R> List<R> parallel(int count, int concurrency, java.util.function.IntFunction<R> work)
            throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return work.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
