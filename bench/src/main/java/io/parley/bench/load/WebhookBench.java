package io.parley.bench.load;

import io.parley.bench.Figures;
import io.parley.bench.load.Cast.Route;
import io.parley.bench.load.Cast.StaffMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./parley bench webhooks}: issue 6's figures. Starts the suite once ({@link SuiteProcess}, the demo
 * accounts sending to a {@link PlatformStub}), then:
 *
 * <ol>
 *   <li><b>Warm-up</b>: 4 s of each channel's webhooks at 50/s, not measured.
 *   <li><b>Acknowledgement</b>, one channel after another: correctly signed webhooks ({@link Webhooks}), each
 *       from a new customer with a new message id, at a steady rate, open loop ({@link OpenLoop}: latency
 *       from each request's scheduled time to its answer); the demo {@code Support} destination serves the
 *       accounts, so each opens an enquiry as in production. Per channel: p50/p90/p99/max, count, errors
 *       (non-2xx, no answer within 30 s).
 *   <li><b>Drain</b>: until the platform stub has been quiet for 3 s (the welcome messages of every enquiry
 *       the acknowledgements opened); then, when the benchmark started the suite, a fresh suite for what follows.
 *   <li><b>Outbound</b>: a few conversations per channel are opened and accepted by a signed-in staff member
 *       (the {@link LoadSetup} destinations, one staff member each), then staff messages go to those rooms at
 *       a modest open-loop rate, round robin; per channel, the time from {@code POST /api/rooms/{id}/messages}
 *       sent, and from its answer, to the platform stub receiving the send call with that text (the send
 *       often reaches the stub before the answer reaches the client: such a message counts 0 in the latter).
 * </ol>
 *
 * <p>Options ({@code --name value}): {@code rate} webhooks per second (200), {@code warmup} per channel (5s),
 * {@code duration} measured per channel (20s), {@code pause} between channels (5s), {@code channels}
 * (comma-separated: messenger, whatsapp, line, wechat, woztell, third-party; all by default),
 * {@code outbound-rate} staff messages per second in all (20), {@code outbound-conversations} per channel
 * (10), {@code outbound-warmup} (2s), {@code outbound-duration} (20s), {@code port-offset},
 * {@code suite-java-options}; against a running suite: {@code url}, {@code admin-user},
 * {@code admin-password}, {@code stub-port}.
 */
public final class WebhookBench {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OUT_ALL = "outbound all: scheduled -> stub (open loop)";

    private final Api api;
    private final Figures report;
    private final Arrivals arrivals;
    private final String runId = Long.toHexString(System.nanoTime() & 0xffffffL);
    private final Map<String, String> enquiryOf = new ConcurrentHashMap<>();
    private final AtomicLong roomNotFoundYet = new AtomicLong();
    private final AtomicLong stubBeforeAnswer = new AtomicLong();
    private final AtomicLong notOfferedYet = new AtomicLong();

    private WebhookBench(Api api, Figures report, Arrivals arrivals) {
        this.api = api;
        this.report = report;
        this.arrivals = arrivals;
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments);
        List<Webhooks.Channel> channels = channels(args.text("channels", "all"));
        OpenLoop.Schedule acks = new OpenLoop.Schedule(
                args.integer("rate", 200),
                args.duration("warmup", Duration.ofSeconds(5)),
                args.duration("duration", Duration.ofSeconds(20)));
        OpenLoop.Schedule outbound = new OpenLoop.Schedule(
                args.integer("outbound-rate", 20),
                args.duration("outbound-warmup", Duration.ofSeconds(2)),
                args.duration("outbound-duration", Duration.ofSeconds(20)));
        int conversations = args.integer("outbound-conversations", 10);
        Duration pause = args.duration("pause", Duration.ofSeconds(5));

        Figures report = new Figures();
        channels.forEach(channel -> report.histogram(ackFigure(channel)));
        channels.forEach(channel -> report.histogram(outFigure(channel)));
        channels.forEach(channel -> report.histogram(outAfterAnswerFigure(channel)));
        report.histogram(OUT_ALL);
        report.fact("options", args.given());
        report.fact(
                "profile",
                String.format(
                        Locale.ROOT,
                        "acks: %d webhooks/s per channel, %s warm-up + %s measured each, open loop;"
                                + " outbound: %d conversations per channel, %d staff messages/s in all,"
                                + " %s warm-up + %s measured",
                        acks.rate(),
                        acks.warmUp(),
                        acks.duration(),
                        conversations,
                        outbound.rate(),
                        outbound.warmUp(),
                        outbound.duration()));

        Arrivals arrivals = new Arrivals();
        try (PlatformStub stub =
                PlatformStub.start(args.integer("stub-port", 0), (id, at) -> arrivals.arrived("out " + id, at))) {
            String url = args.text("url");
            SuiteProcess suite = url == null ? SuiteProcess.start(args, "webhook-suite", stub.url()) : null;
            try {
                report.fact("suite", suite != null ? suite.describe() : "running at " + url);
                Api api = new Api(suite != null ? suite.gatewayUrl() : url);
                WebhookBench bench = new WebhookBench(api, report, arrivals);
                bench.warmUp(channels);
                for (Webhooks.Channel channel : channels) {
                    bench.acknowledgements(channel, acks);
                    Thread.sleep(pause);
                }
                drainSends(stub, report);
                if (suite != null) {
                    // The acknowledgements left thousands of waiting enquiries behind: staff messages are timed
                    // on a suite of their own, as a support team's day looks, not behind that backlog.
                    suite.close();
                    suite = SuiteProcess.start(args, "webhook-outbound-suite", stub.url());
                    report.fact("outbound suite", suite.describe());
                    bench = new WebhookBench(new Api(suite.gatewayUrl()), report, arrivals);
                }
                String admin = bench.api.login(
                        args.text("admin-user", "admin"),
                        suite != null ? "parley-admin" : args.text("admin-password", "parley-admin"));
                try {
                    bench.outbound(admin, channels, conversations, outbound);
                } catch (IllegalStateException e) {
                    // The acknowledgement figures stand on their own: print them with the reason this part failed.
                    report.fact("outbound: not measured", e.getMessage());
                }
                report.fact("platform stub requests (sends, welcome messages, tokens)", stub.requests());
            } finally {
                if (suite != null) {
                    suite.close();
                }
            }
        }
        report.print("Webhook benchmark", "webhooks");
        System.exit(0);
    }

    /**
     * Waits until the platform stub has had no call for 3 s (at most 5 minutes): every webhook opened an
     * enquiry whose welcome message is sent at the account's rate limit, and the outbound figures should time
     * staff messages, not their wait behind that backlog. Reports how many calls came and how fast.
     */
    private static void drainSends(PlatformStub stub, Figures report) throws InterruptedException {
        long start = System.nanoTime();
        long first = stub.requests();
        long last = first;
        long lastChange = start;
        while (System.nanoTime() - lastChange < Duration.ofSeconds(3).toNanos()
                && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(250);
            long now = stub.requests();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
        double seconds = (lastChange - start) / 1e9;
        report.fact(
                "platform calls after the last webhook (welcome backlog): count / s to drain / per s",
                String.format(
                        Locale.ROOT,
                        "%d / %.1f / %.0f",
                        last - first,
                        seconds,
                        seconds > 0 ? (last - first) / seconds : 0.0));
    }

    /** Parses {@code --channels}: {@code all}, or names separated by commas (messenger = facebook). */
    static List<Webhooks.Channel> channels(String text) {
        if (text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return List.of(Webhooks.Channel.values());
        }
        Set<Webhooks.Channel> chosen = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (key.equals("MESSENGER")) {
                key = "FACEBOOK";
            }
            try {
                chosen.add(Webhooks.Channel.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown channel '" + name.trim() + "'; known: messenger,"
                        + " whatsapp, line, wechat, woztell, third-party");
            }
        }
        return List.copyOf(chosen);
    }

    static String label(Webhooks.Channel channel) {
        return channel == Webhooks.Channel.FACEBOOK
                ? "messenger"
                : channel.name().toLowerCase(Locale.ROOT);
    }

    private static String ackFigure(Webhooks.Channel channel) {
        return "ack: " + label(channel) + " webhook (open loop)";
    }

    private static String outFigure(Webhooks.Channel channel) {
        return "outbound " + label(channel) + ": POST sent -> stub";
    }

    private static String outAfterAnswerFigure(Webhooks.Channel channel) {
        return "outbound " + label(channel) + ": POST answered -> stub";
    }

    // ---- acknowledgements ----

    /**
     * Before anything is measured, 4 s of each channel's webhooks at 50/s, not recorded: a cold suite (code not
     * yet compiled, first enquiries, first welcome messages) would otherwise be timed on the first channel only.
     */
    private void warmUp(List<Webhooks.Channel> channels) {
        OpenLoop.Schedule gentle = new OpenLoop.Schedule(50, Duration.ofSeconds(4), Duration.ZERO);
        for (Webhooks.Channel channel : channels) {
            System.out.println("Warming up: " + label(channel) + ", " + gentle.rate() + " webhooks/s for "
                    + gentle.warmUp() + "…");
            OpenLoop.run(
                    gentle,
                    n -> {
                        String id = runId + "-warm-" + label(channel) + "-" + n;
                        Webhooks.Request request =
                                Webhooks.message(channel, "warm-" + id, "mid-warm-" + id, "bench warm-up " + n);
                        return api.post(request.path(), request.headers(), request.body())
                                .ok();
                    },
                    (n, inWindow, latencyNanos, ok) -> {});
        }
    }

    private void acknowledgements(Webhooks.Channel channel, OpenLoop.Schedule schedule) {
        System.out.println("Acks: " + label(channel) + ", " + schedule.rate() + " webhooks/s for " + schedule.warmUp()
                + " warm-up + " + schedule.duration() + "…");
        String figure = ackFigure(channel);
        AtomicLong measured = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] window = OpenLoop.run(
                schedule,
                n -> {
                    String id = runId + "-" + label(channel) + "-" + n;
                    Webhooks.Request request =
                            Webhooks.message(channel, "ack-" + id, "mid-ack-" + id, "bench ack " + n);
                    Api.Answer answer = api.post(request.path(), request.headers(), request.body());
                    if (!answer.ok()) {
                        report.error(
                                "ack " + label(channel) + ": " + (answer.status() < 0 ? "no answer" : answer.status()),
                                answer.toString());
                    }
                    return answer.ok();
                },
                (n, inWindow, latencyNanos, ok) -> {
                    if (inWindow) {
                        measured.incrementAndGet();
                        if (ok) {
                            report.record(figure, latencyNanos / 1000);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
        double seconds = Math.max(1e-9, (window[1] - window[0]) / 1e9);
        report.fact(
                "ack " + label(channel) + ": measured sent / errors / offered rate",
                String.format(
                        Locale.ROOT,
                        "%d / %d / %.0f per s",
                        measured.get(),
                        failed.get(),
                        Math.max(0, measured.get() - 1) / seconds));
    }

    // ---- outbound ----

    /** A room a staff member accepted, on one channel. */
    private record Room(Webhooks.Channel channel, String conv, String roomId, String token) {}

    private void outbound(String admin, List<Webhooks.Channel> channels, int perChannel, OpenLoop.Schedule schedule)
            throws Exception {
        System.out.println("Outbound: preparing staff and " + perChannel + " conversations per channel…");
        LoadRun[] probe = new LoadRun[1];
        int groups = Webhooks.Channel.values().length + 1;
        // One staff member per destination, more when a member would hold more than 40 of the rooms.
        int staff = groups * Math.max(1, (perChannel + 39) / 40);
        List<Route> routes = new LoadSetup(api, admin, report)
                .prepare(
                        staff,
                        true,
                        Duration.ofSeconds(60),
                        (member, frame) -> {
                            if (probe[0] != null) {
                                probe[0].onAgentFrame(member, frame);
                            }
                            onAgentFrame(frame);
                        },
                        frame -> {});
        // LoadRun's probe: waits until routing knows every staff member ACTIVE.
        probe[0] = new LoadRun(
                api,
                LoadSetup.WIDGET,
                routes,
                new LoadRun.Profile(1, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0, Duration.ofSeconds(60)),
                new Figures());
        probe[0].probe();

        List<Room> rooms = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService openers = Executors.newVirtualThreadPerTaskExecutor()) {
            int number = 1;
            for (Webhooks.Channel channel : channels) {
                Route route = routes.stream()
                        .filter(r -> r.channel() == channel)
                        .findFirst()
                        .orElseThrow();
                for (int k = 0; k < perChannel; k++) {
                    String conv = "c" + number++;
                    StaffMember member = route.members().get(k % route.members().size());
                    openers.submit(() -> {
                        Room room = accepted(channel, conv, member);
                        if (room != null) {
                            rooms.add(room);
                        }
                        return null;
                    });
                }
            }
        }
        report.fact("outbound rooms accepted", rooms.size() + " of " + perChannel * channels.size());
        if (rooms.isEmpty()) {
            return;
        }
        rooms.sort(java.util.Comparator.comparingInt(
                room -> Integer.parseInt(room.conv().substring(1))));
        // Round robin over the channels: room i of each channel in turn.
        List<Room> order = new ArrayList<>();
        for (int k = 0; k < perChannel; k++) {
            for (Webhooks.Channel channel : channels) {
                int index = k;
                rooms.stream()
                        .filter(room -> room.channel() == channel)
                        .skip(index)
                        .findFirst()
                        .ifPresent(order::add);
            }
        }
        System.out.println("Outbound: " + schedule.rate() + " staff messages/s for " + schedule.warmUp() + " warm-up + "
                + schedule.duration() + "…");
        int warmUp = schedule.warmUpCount();
        OpenLoop.run(
                schedule,
                n -> staffWrites(order.get(n % order.size()), n, n >= warmUp),
                (n, inWindow, latencyNanos, ok) -> {
                    if (inWindow && ok) {
                        report.record(OUT_ALL, latencyNanos / 1000);
                    }
                });
        report.fact("outbound: stub call seen before the POST's answer (counted as 0)", stubBeforeAnswer.get());
        report.fact("room reads answered 404 room.not-found, asked again", roomNotFoundYet.get());
        report.fact(
                "accepts answered 409 enquiry.not-offered after the offer was seen, asked again", notOfferedYet.get());
    }

    private void onAgentFrame(TextFrames.Frame frame) {
        String text = frame.text();
        if (!text.contains("\"type\":\"offer.created\"")) {
            return;
        }
        String preview = TextFrames.field(text, "preview");
        String enquiryId = TextFrames.field(text, "enquiryId");
        Matcher bench = preview == null ? null : LoadRun.BENCH_TEXT.matcher(preview);
        if (bench != null && enquiryId != null && bench.matches()) {
            enquiryOf.put(bench.group(1), enquiryId);
            arrivals.arrived("offer " + bench.group(1), frame.nanos());
        }
    }

    /** Opens conversation {@code conv} with a webhook, waits for its offer, accepts it, waits for its room. */
    private @Nullable Room accepted(Webhooks.Channel channel, String conv, StaffMember member)
            throws InterruptedException {
        String first = "bench " + conv + " m0";
        Webhooks.Request request =
                Webhooks.message(channel, "cust-" + runId + "-" + conv, "mid-" + runId + "-" + conv + "-m0", first);
        Api.Answer opened = api.post(request.path(), request.headers(), request.body());
        if (!opened.ok()) {
            report.error("outbound open " + label(channel) + ": " + opened.status(), opened.toString());
            return null;
        }
        if (arrivals.await("offer " + conv, Duration.ofSeconds(60)) < 0) {
            report.error("outbound: no offer within 60 s (" + label(channel) + ")", conv);
            return null;
        }
        // The offer can reach the agent socket before enquiry-service has recorded it (it answers 409
        // enquiry.not-offered until then): ask again for up to 10 s, and count how often that happened.
        String accept = "/api/enquiries/" + enquiryOf.get(conv) + "/accept";
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Api.Answer accepted = api.call("POST", accept, member.token(), null);
        while (accepted.status() == 409
                && accepted.body().contains("enquiry.not-offered")
                && System.nanoTime() < giveUp) {
            notOfferedYet.incrementAndGet();
            Thread.sleep(100);
            accepted = api.call("POST", accept, member.token(), null);
        }
        if (!accepted.ok()) {
            report.error("outbound accept: " + accepted.status(), accepted.toString());
            return null;
        }
        String roomId = accepted.json().path("roomId").asString();
        Api.Answer messages = Rooms.messagesHolding(api, member.token(), roomId, first, WAIT, roomNotFoundYet);
        if (!messages.ok() || !messages.body().contains(first)) {
            report.error("outbound: room not usable within 20 s of the accept", messages.toString());
            return null;
        }
        return new Room(channel, conv, roomId, member.token());
    }

    /** Staff message {@code n} to {@code room}: answered, then awaited at the stub by its text. */
    private boolean staffWrites(Room room, int n, boolean measured) throws InterruptedException {
        String id = room.conv() + " s" + (n + 1);
        long sent = System.nanoTime();
        Api.Answer answer = api.call(
                "POST", "/api/rooms/" + room.roomId() + "/messages", room.token(), Map.of("text", "bench " + id));
        long answered = System.nanoTime();
        if (!answer.ok()) {
            report.error("outbound staff message " + label(room.channel()) + ": " + answer.status(), answer.toString());
            return false;
        }
        long arrived = arrivals.await("out " + id, WAIT);
        if (arrived < 0) {
            report.error("outbound: staff message not at the stub within 20 s (" + label(room.channel()) + ")", id);
            return false;
        }
        if (measured) {
            if (arrived < answered) {
                stubBeforeAnswer.incrementAndGet();
            }
            report.record(outFigure(room.channel()), (arrived - sent) / 1000);
            report.record(outAfterAnswerFigure(room.channel()), Math.max(0, arrived - answered) / 1000);
        }
        return true;
    }
}
