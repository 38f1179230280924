package io.parley.bench.load;

import io.parley.bench.Figures;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./parley bench load}: issue 8's benchmark. Starts the suite (a child JVM, {@link SuiteProcess}) or
 * targets a running one ({@code --url}), measures raw Kafka produce → consume on its broker at the run's
 * message rate, then runs {@link LoadRun}'s conversations on every channel at a steady rate and prints every
 * figure with its ratio to raw Kafka, the lost and duplicated messages, and the suite's CPU and RSS.
 *
 * <p>Options ({@code --name value}): {@code rate} new conversations per second (200), {@code staff} (500),
 * {@code duration} measured (60s), {@code warmup} (3m), {@code warmup-rate} new conversations per second in the
 * warm-up (the rate, at most 10), {@code think} before accepting (500ms),
 * {@code messages} each way per conversation (2), {@code unanswered} share left to go missed (0.05),
 * {@code max-wait} of the benchmark's destinations (10s), {@code destinations} {@code per-channel} or
 * {@code one}, {@code raw-duration} of the raw Kafka run (20s), {@code suite-java-options} (e.g. a flight
 * recording), {@code port-offset}; against a running suite: {@code url}, {@code admin-user},
 * {@code admin-password}, {@code kafka} (bootstrap, for the raw figure), {@code pid} (for CPU and RSS),
 * {@code stub-port} (the port the suite's {@code PARLEY_DEMO_PLATFORM_URL} names).
 */
public final class LoadBench {

    private static final String RAW = "raw Kafka produce -> consume (acks=all)";
    /**
     * The default warm-up: a suite just started spends its first minutes of load compiling (C2 took ~0.3 cores
     * for three minutes on two cores, 0.03 after four; docs/performance.md, "Session 9"), and the targets are a
     * running deployment's, so the measured time begins after three minutes of conversations at a rate the suite
     * keeps up with.
     */
    private static final Duration WARM_UP = Duration.ofMinutes(3);

    private static final int WARM_UP_RATE = 10;
    /** How long an overloaded suite may take to work off its backlog before undelivered messages are counted. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private LoadBench() {}

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments);
        int rate = args.integer("rate", 200);
        LoadRun.Profile profile = new LoadRun.Profile(
                rate,
                args.integer("warmup-rate", Math.min(rate, WARM_UP_RATE)),
                args.duration("warmup", WARM_UP),
                args.duration("duration", Duration.ofSeconds(60)),
                args.duration("think", Duration.ofMillis(500)),
                args.integer("messages", 2),
                args.decimal("unanswered", 0.05),
                args.duration("max-wait", Duration.ofSeconds(10)));
        if (profile.rate() < 1 || profile.warmUpRate() < 1) {
            throw new IllegalArgumentException("--rate and --warmup-rate must be at least 1 conversation/s");
        }
        int staff = args.integer("staff", 500);
        boolean perChannel = !args.text("destinations", "per-channel").equals("one");
        Figures report = new Figures();
        report.base(RAW);
        report.histogram(RAW);
        report.fact("options", args.given());
        report.fact(
                "profile",
                String.format(
                        Locale.ROOT,
                        "%d conversations/s, %d staff, %s warm-up at %d/s + %s measured, think %s, %d messages each way,"
                                + " %s unanswered, max wait %s, destinations %s",
                        profile.rate(),
                        staff,
                        profile.warmUp(),
                        profile.warmUpRate(),
                        profile.duration(),
                        profile.think(),
                        profile.messagesEachWay(),
                        LoadRun.percent(profile.unansweredShare()),
                        profile.maxWait(),
                        perChannel ? "one per channel" : "one for all"));

        LoadRun[] run = new LoadRun[1];
        try (PlatformStub stub = PlatformStub.start(args.integer("stub-port", 0), (id, at) -> {
            if (run[0] != null) {
                run[0].onOutbound(id, at);
            }
        })) {
            String url = args.text("url");
            SuiteProcess suite = null;
            try {
                String origin;
                @Nullable String kafka;
                long pid;
                String adminPassword;
                if (url == null) {
                    suite = SuiteProcess.start(args, "load-suite", stub.url());
                    origin = suite.gatewayUrl();
                    kafka = suite.kafkaBootstrap();
                    pid = suite.pid();
                    adminPassword = "parley-admin";
                    report.fact("suite", suite.describe());
                } else {
                    origin = url;
                    kafka = args.text("kafka");
                    pid = args.integer("pid", -1);
                    adminPassword = args.text("admin-password", "parley-admin");
                    report.fact("suite", "running at " + url + (pid > 0 ? ", pid " + pid : ", pid unknown"));
                }
                Api api = new Api(origin);
                String admin = api.login(args.text("admin-user", "admin"), adminPassword);
                System.out.println("Preparing " + staff + " staff…");
                LoadRun[] self = run;
                List<Cast.Route> routes = new LoadSetup(api, admin, report)
                        .prepare(
                                staff,
                                perChannel,
                                profile.maxWait(),
                                (member, frame) -> {
                                    if (self[0] != null) {
                                        self[0].onAgentFrame(member, frame);
                                    }
                                },
                                frame -> {
                                    if (self[0] != null) {
                                        self[0].onRoomFrame(frame);
                                    }
                                });
                run[0] = new LoadRun(api, LoadSetup.WIDGET, routes, profile, report);
                run[0].probe();

                int messageRate = profile.rate() * (1 + 2 * profile.messagesEachWay());
                Duration rawDuration = args.duration("raw-duration", Duration.ofSeconds(20));
                Runnable raw = () -> {
                    if (kafka == null) {
                        report.fact("raw Kafka", "not measured (no --kafka)");
                        return;
                    }
                    System.out.println("Raw Kafka at " + messageRate + " records/s for " + rawDuration + "…");
                    try {
                        RawKafka.measure(kafka, messageRate, rawDuration, 512, report, RAW);
                    } catch (Exception e) {
                        throw new IllegalStateException("raw Kafka: " + e.getMessage(), e);
                    }
                };

                System.out.println(
                        "Warm-up: " + profile.warmUpRate() + " conversations/s for " + profile.warmUp() + "…");
                ProcessSampler sampler = pid > 0 ? new ProcessSampler(pid) : null;
                Usage usage = new Usage(sampler, pid > 0 ? new ThreadGroups(pid) : null);
                long[] window;
                long behind = 0;
                try (ConsumerLag lag = kafka != null ? new ConsumerLag(kafka) : null) {
                    window = run[0].run(raw, () -> {
                        System.out.println(
                                "Load: " + profile.rate() + " conversations/s for " + profile.duration() + "…");
                        if (lag != null) {
                            lag.forgetSoFar();
                        }
                        usage.start();
                    });
                    usage.stop();
                    if (lag != null) {
                        String lags = lag.describe(8);
                        report.fact(
                                "consumer lag, largest seen (records not committed by the group)",
                                lags == null ? "none" : lags);
                    }
                    // A message that missed its script's 20 s wait may still come: give stragglers 15 s more;
                    // before calling one lost, let the pipeline work off what it was still behind on.
                    boolean allArrived = run[0].ledger().awaitAllArrived(Duration.ofSeconds(15));
                    if (lag != null && !allArrived) {
                        behind = lag.awaitCaughtUp(CATCH_UP);
                        report.fact(
                                "pipeline after the run (before looking for undelivered messages)",
                                behind == 0
                                        ? "caught up"
                                        : behind < 0
                                                ? "unknown (no consumer lag read within " + CATCH_UP.toSeconds() + " s)"
                                                : "still " + behind + " records behind after " + CATCH_UP.toSeconds()
                                                        + " s");
                    }
                }
                double seconds = (window[1] - window[0]) / 1e9;

                run[0].lookForUndeliveredInTheirRooms();
                Ledger.Totals totals = run[0].ledger().totals();
                report.fact("messages sent (measured and warm-up)", totals.sent());
                report.fact(
                        "LOST messages (accepted, never delivered, not stored)",
                        totals.lost()
                                + (totals.lost() > 0
                                        ? " e.g. " + run[0].ledger().lostIds(5)
                                                + (behind != 0
                                                        ? " (the pipeline had not caught up: may be queued)"
                                                        : "")
                                        : ""));
                report.fact(
                        "late messages (stored in their room, not on the staff room socket in time)", totals.late());
                report.fact(
                        "customer messages that opened a new enquiry (processed after their room was closed)",
                        run[0].newEnquiries());
                report.fact("DUPLICATED messages", totals.duplicated());
                report.fact("unexpected arrivals (ids never sent)", totals.unexpected());
                report.fact(
                        "missed seen / unanswered (measured)",
                        run[0].missedSeen() + " / " + run[0].unansweredMeasured());
                report.fact(
                        "throughput: conversations completed per s (measured time's conversations)",
                        String.format(Locale.ROOT, "%.1f", run[0].completed() / seconds));
                report.fact(
                        "throughput: messages delivered per s (measured time's conversations)",
                        String.format(Locale.ROOT, "%.1f", run[0].deliveredMeasured() / seconds));
                report.fact("pipeline message rate (offered)", messageRate + " messages/s");
                report.fact("errors (all kinds)", report.errorCount());
                report.fact("platform stub requests", stub.requests());
                report.fact("room reads answered 404 room.not-found, asked again", run[0].roomNotFoundYet());
                long closed = routes.stream()
                        .flatMap(route -> route.members().stream())
                        .distinct()
                        .mapToLong(member -> (member.agent().isInputClosed() ? 1 : 0)
                                + (member.rooms().isInputClosed() ? 1 : 0))
                        .sum();
                report.fact("staff sockets closed by the suite during the run", closed);
                usage.describe(report, profile.rate());
            } finally {
                if (suite != null) {
                    suite.close();
                }
            }
        }
        report.print("Load benchmark", "load");
        System.exit(0);
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toNanos)
                        .orElse(0L)
                / 1e9;
    }

    /** The suite's CPU and RSS over the measured window, sampled every second. */
    private static final class Usage {

        private final @Nullable ProcessSampler sampler;
        private final @Nullable ThreadGroups threads;
        private final AtomicBoolean sampling = new AtomicBoolean();
        private volatile double cpuStart;
        private volatile double ownCpuStart;
        private volatile double ownCpuEnd;
        private volatile double cpuEnd;
        private volatile long startNanos;
        private volatile long endNanos;
        private volatile double rssStart;
        private volatile double rssMax;
        private volatile double rssEnd;
        private volatile double cpuMaxCores;
        private volatile @Nullable String byThreadGroup;
        private @Nullable Thread thread;

        Usage(@Nullable ProcessSampler sampler, @Nullable ThreadGroups threads) {
            this.sampler = sampler;
            this.threads = threads;
        }

        void start() {
            if (sampler == null) {
                return;
            }
            ProcessSampler s = sampler;
            startNanos = System.nanoTime();
            cpuStart = s.cpuSeconds();
            ownCpuStart = ownCpuSeconds();
            if (threads != null) {
                threads.start();
            }
            rssStart = s.rssMiB();
            sampling.set(true);
            thread = Thread.ofPlatform().daemon().name("bench-usage").start(() -> {
                double lastCpu = cpuStart;
                long last = startNanos;
                while (sampling.get()) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    double cpu = s.cpuSeconds();
                    long now = System.nanoTime();
                    cpuMaxCores = Math.max(cpuMaxCores, (cpu - lastCpu) / ((now - last) / 1e9));
                    rssMax = Math.max(rssMax, s.rssMiB());
                    lastCpu = cpu;
                    last = now;
                }
            });
        }

        void stop() throws InterruptedException {
            if (sampler == null || thread == null) {
                return;
            }
            endNanos = System.nanoTime();
            cpuEnd = sampler.cpuSeconds();
            ownCpuEnd = ownCpuSeconds();
            rssEnd = sampler.rssMiB();
            if (threads != null) {
                byThreadGroup = threads.describe((endNanos - startNanos) / 1e9);
            }
            sampling.set(false);
            thread.join();
        }

        void describe(Figures report, int conversationsPerSecond) {
            if (sampler == null) {
                report.fact("suite CPU and RSS", "not measured (no pid)");
                return;
            }
            double cores = (cpuEnd - cpuStart) / ((endNanos - startNanos) / 1e9);
            report.fact(
                    "suite CPU (measured window, /proc/<pid>/stat)",
                    String.format(
                            Locale.ROOT,
                            "%.2f cores on average (%.0f %% of the machine), %.2f at most over 1 s",
                            cores,
                            100 * cores / Runtime.getRuntime().availableProcessors(),
                            cpuMaxCores));
            report.fact(
                    "load generator CPU (this benchmark's JVM, on the same cores)",
                    String.format(
                            Locale.ROOT,
                            "%.2f cores on average",
                            (ownCpuEnd - ownCpuStart) / ((endNanos - startNanos) / 1e9)));
            report.fact(
                    "suite CPU per offered conversation (only meaningful while the suite keeps up)",
                    String.format(Locale.ROOT, "%.1f ms", 1000 * cores / conversationsPerSecond));
            if (byThreadGroup != null) {
                report.fact("suite CPU by thread group (measured window, /proc/<pid>/task)", byThreadGroup);
            }
            report.fact(
                    "suite RSS (/proc/<pid>/status)",
                    String.format(
                            Locale.ROOT,
                            "%.0f MiB at start, %.0f MiB at most (sampled), %.0f MiB at end; peak ever (VmHWM) %.0f MiB",
                            rssStart,
                            Math.max(rssMax, rssEnd),
                            rssEnd,
                            sampler.peakRssMiB()));
        }
    }
}
