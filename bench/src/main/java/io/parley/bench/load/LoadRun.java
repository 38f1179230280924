package io.parley.bench.load;

import io.parley.bench.Figures;
import io.parley.bench.load.Cast.Route;
import io.parley.bench.load.Cast.StaffMember;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The conversations of a load run, each a script on a virtual thread: the customer writes (a signed webhook,
 * or the widget for the web), the designated staff member sees the offer on the agent socket, thinks,
 * accepts, reads the room, subscribes to it on the room socket; then customer and staff write in turn, each
 * message awaited at its far end (staff room socket; platform stub or visitor socket); then the room is
 * closed. Some conversations are left unanswered: their offers must be withdrawn as EXPIRED at the deadline.
 * The socket listeners and the stub report arrivals here; latencies go to the {@link Figures}, message
 * ids to the {@link Ledger}.
 */
final class LoadRun {

    static final Pattern BENCH_TEXT = Pattern.compile("bench (c\\d+) ([ms]\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int PROBE_BASE = 900_000_000;

    /**
     * The profile of a run.
     *
     * @param rate new conversations per second in the measured time
     * @param warmUpRate new conversations per second in the warm-up before it (most of the JIT compiler's work is done by
     *     then; a rate the suite keeps up with lets it finish instead of burying the measured time in backlog)
     */
    record Profile(
            int rate,
            int warmUpRate,
            Duration warmUp,
            Duration duration,
            Duration think,
            int messagesEachWay,
            double unansweredShare,
            Duration maxWait) {}

    private final Api api;
    private final String widgetId;
    private final List<Route> routes;
    private final Profile profile;
    private final Figures report;
    private final Ledger ledger = new Ledger();
    /** Makes customer and platform message ids unique per run, so a suite that ran before dedups nothing. */
    private final String runId = Long.toHexString(System.nanoTime() & 0xffffffL);

    private final Arrivals arrivals = new Arrivals();

    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> acceptorOf = new ConcurrentHashMap<>();
    private final Map<String, String> enquiryOf = new ConcurrentHashMap<>();
    private final Set<String> firstOfferSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> probeOffers = new ConcurrentHashMap<>();
    private final AtomicLong missedSeen = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong unansweredMeasured = new AtomicLong();
    private final AtomicLong roomNotFoundYet = new AtomicLong();
    /** Each customer message's room and the staff member serving it, to look for it there if it never arrives. */
    private final Map<String, RoomReader> roomOfMessage = new ConcurrentHashMap<>();
    /** Customer messages (after the first) whose offer came as a new enquiry's first message. */
    private final Set<String> newEnquiries = ConcurrentHashMap.newKeySet();
    /** The enquiries those messages opened, by conversation: later messages of it may have been added to them. */
    private final Map<String, Set<String>> newEnquiriesOf = new ConcurrentHashMap<>();

    private volatile int measuredFrom = Integer.MAX_VALUE;

    LoadRun(Api api, String widgetId, List<Route> routes, Profile profile, Figures report) {
        this.api = api;
        this.widgetId = widgetId;
        this.routes = routes;
        this.profile = profile;
        this.report = report;
        for (Route route : routes) {
            report.histogram(ackFigure(route));
        }
        report.histogram("ack: web visitor message (POST /api/visitor/messages)");
        report.histogram("webhook -> offer on agent socket (first staff)");
        report.histogram("webhook -> offer on agent socket (every staff)");
        report.histogram("accept -> room usable (messages read)");
        report.histogram("customer message -> staff room socket");
        report.histogram("staff message -> platform send API (stub)");
        report.histogram("staff message -> visitor socket (web)");
        report.histogram("deadline -> missed (EXPIRED on agent socket)");
    }

    Ledger ledger() {
        return ledger;
    }

    /**
     * After the drain: looks for each customer message that never reached the staff room socket in its room,
     * read as its staff member reads it ({@code GET /api/rooms/{id}/messages}), or among the offers of new
     * enquiries (one processed after its room was closed opens an enquiry of its own), or in such an enquiry of
     * its conversation, which a later message joins: nobody accepts it, so it is missed by now, and the staff
     * member follows it up ({@code POST /api/enquiries/{id}/follow-up}) and reads its room. One found any of these
     * ways was stored and only its live push went missing, so the ledger counts it late rather than lost.
     */
    void lookForUndeliveredInTheirRooms() throws InterruptedException {
        Map<String, String> roomBodies = new HashMap<>();
        Map<String, String> followedUpRooms = new HashMap<>();
        for (String id : ledger.undeliveredIds(Integer.MAX_VALUE)) {
            RoomReader reader = roomOfMessage.get(id);
            if (reader == null) {
                continue; // a staff message is stored before its POST is answered: what counts is its delivery
            }
            if (newEnquiries.contains(id)) {
                ledger.stored(id);
                continue;
            }
            List<String> rooms = new ArrayList<>();
            rooms.add(reader.roomId());
            for (String enquiryId : newEnquiriesOf.getOrDefault(conversationOf(id), Set.of())) {
                String followedUp = followedUpRooms.get(enquiryId);
                if (followedUp == null) {
                    Api.Answer room =
                            api.call("POST", "/api/enquiries/" + enquiryId + "/follow-up", reader.token(), null);
                    followedUp = room.ok() ? room.json().path("roomId").asString() : "";
                    followedUpRooms.put(enquiryId, followedUp);
                }
                if (!followedUp.isEmpty()) {
                    rooms.add(followedUp);
                }
            }
            for (String roomId : rooms) {
                String body = roomBodies.get(roomId);
                if (body == null) {
                    body = messagesOf(roomId, reader.token());
                    roomBodies.put(roomId, body);
                }
                if (body.contains("\"bench " + id + "\"")) {
                    ledger.stored(id);
                    break;
                }
            }
        }
    }

    /** A room's messages as its reader sees them, asked again for 10 s while it is not there yet; "" if never. */
    private String messagesOf(String roomId, String token) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Api.Answer messages;
        do {
            messages = api.call("GET", "/api/rooms/" + roomId + "/messages?after=0&limit=500", token, null);
        } while (messages.status() == 404 && System.nanoTime() < giveUp);
        return messages.ok() ? messages.body() : "";
    }

    long missedSeen() {
        return missedSeen.get();
    }

    /** Customer messages, after a conversation's first, that were offered as a new enquiry's first message. */
    int newEnquiries() {
        return newEnquiries.size();
    }

    /** Conversations of the measured time served to their end (the room closed). */
    long completed() {
        return completed.get();
    }

    /** Messages of the measured time's conversations (ids {@code c<n> m<k>} and {@code c<n> s<k>}) that arrived. */
    long deliveredMeasured() {
        return ledger.arrived(id -> number(conversationOf(id)) >= measuredFrom);
    }

    /** Room reads answered 404 (after chatroom-service's 2 s grace) and asked again. */
    long roomNotFoundYet() {
        return roomNotFoundYet.get();
    }

    long unansweredMeasured() {
        return unansweredMeasured.get();
    }

    // ---- what the listeners and the stub report ----

    void onAgentFrame(StaffMember staff, TextFrames.Frame frame) {
        String text = frame.text();
        if (text.contains("\"type\":\"offer.created\"")) {
            String preview = TextFrames.field(text, "preview");
            String enquiryId = TextFrames.field(text, "enquiryId");
            Matcher bench = preview == null ? null : BENCH_TEXT.matcher(preview);
            if (bench == null || enquiryId == null || !bench.matches()) {
                return;
            }
            String conv = bench.group(1);
            int n = number(conv);
            if (n >= PROBE_BASE) {
                probeOffers.computeIfAbsent(conv, c -> new AtomicInteger()).incrementAndGet();
                return;
            }
            if (!bench.group(2).equals("m0")) {
                // A later customer message that reached enquiry-service after its room was closed (the suite
                // behind) opened an enquiry of its own: stored, not lost, and not this conversation's offer.
                newEnquiries.add(conv + " " + bench.group(2));
                newEnquiriesOf
                        .computeIfAbsent(conv, c -> ConcurrentHashMap.newKeySet())
                        .add(enquiryId);
                return;
            }
            Long opened = openedAt.get(conv);
            if (opened != null && n >= measuredFrom) {
                long micros = (frame.nanos() - opened) / 1000;
                report.record("webhook -> offer on agent socket (every staff)", micros);
                if (firstOfferSeen.add(conv)) {
                    report.record("webhook -> offer on agent socket (first staff)", micros);
                }
            }
            if (unanswered.contains(conv)) {
                String expiresAt = TextFrames.field(text, "expiresAt");
                if (expiresAt != null && n >= measuredFrom) {
                    expiries.putIfAbsent(enquiryId, Instant.parse(expiresAt));
                }
            } else {
                Integer acceptor = acceptorOf.get(conv);
                if (acceptor != null && acceptor == staff.index()) {
                    enquiryOf.put(conv, enquiryId);
                    arrivals.arrived("offer " + conv, frame.nanos());
                }
            }
        } else if (text.contains("\"type\":\"offer.withdrawn\"") && text.contains("\"EXPIRED\"")) {
            String enquiryId = TextFrames.field(text, "enquiryId");
            Instant deadline = enquiryId == null ? null : expiries.remove(enquiryId);
            if (deadline != null) {
                Duration late = Duration.between(deadline, Instant.now());
                report.record("deadline -> missed (EXPIRED on agent socket)", late.toNanos() / 1000);
                missedSeen.incrementAndGet();
            }
        }
    }

    void onRoomFrame(TextFrames.Frame frame) {
        String text = frame.text();
        if (text.contains("\"type\":\"subscribed\"")) {
            String roomId = TextFrames.field(text, "roomId");
            if (roomId != null) {
                arrivals.arrived("subscribed " + roomId, frame.nanos());
            }
        } else if (text.contains("\"type\":\"message\"") && text.contains("\"kind\":\"CUSTOMER\"")) {
            Matcher bench = BENCH_TEXT.matcher(text);
            if (bench.find() && !bench.group(2).equals("m0")) {
                String id = bench.group(1) + " " + bench.group(2);
                ledger.arrived(id);
                arrivals.arrived("in " + id, frame.nanos());
            }
        }
    }

    /** A staff message reached the customer: the platform stub, or a visitor socket. */
    void onOutbound(String id, long nanos) {
        ledger.arrived(id);
        arrivals.arrived("out " + id, nanos);
    }

    private void onVisitorFrame(TextFrames.Frame frame) {
        String text = frame.text();
        if (text.contains("\"type\":\"message\"") && text.contains("\"from\":\"STAFF\"")) {
            Matcher bench = BENCH_TEXT.matcher(text);
            if (bench.find() && bench.group(2).startsWith("s")) {
                onOutbound(bench.group(1) + " " + bench.group(2), frame.nanos());
            }
        }
    }

    // ---- the run ----

    /**
     * One conversation per route that no one answers, until one reaches every member's agent socket: then
     * routing knows every staff member ACTIVE (an enquiry that came before a status change is not offered
     * again, so a probe that reached too few is followed by another).
     */
    void probe() throws InterruptedException {
        int next = PROBE_BASE;
        for (Route route : routes) {
            long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            boolean reached = false;
            while (!reached) {
                String conv = "c" + next++;
                if (open(route, conv, false) == null) {
                    throw new IllegalStateException("the probe conversation on " + route.label() + " was refused");
                }
                long retry = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!reached && System.nanoTime() < retry) {
                    Thread.sleep(50);
                    reached =
                            probeOffers.getOrDefault(conv, new AtomicInteger()).get()
                                    >= route.members().size();
                }
                if (!reached && System.nanoTime() > giveUp) {
                    throw new IllegalStateException("no probe on " + route.label() + " reached all "
                            + route.members().size() + " staff within 120 s");
                }
            }
        }
    }

    /**
     * Opens conversations at the warm-up rate for the warm-up, runs {@code afterWarmUp}, then opens them at the
     * profile's rate for the measured time, and waits for every script and for the unanswered ones' deadlines.
     *
     * @param afterWarmUp run once the last warm-up conversation has been opened, before the measured time
     *     (the raw Kafka figure, taken on a broker as warm as the pipeline's); warm-up conversations still open
     *     go on meanwhile
     * @param measuredStart run as the measured time begins
     * @return the measured window's start and end ({@link System#nanoTime()})
     */
    long[] run(Runnable afterWarmUp, Runnable measuredStart) throws InterruptedException {
        int warmUpCount = (int) (profile.warmUpRate() * profile.warmUp().toMillis() / 1000);
        int measuredCount = (int) (profile.rate() * profile.duration().toMillis() / 1000);
        measuredFrom = warmUpCount;
        long measuredAt;
        long endAt;
        try (ExecutorService scripts = Executors.newVirtualThreadPerTaskExecutor()) {
            openAtRate(scripts, 0, warmUpCount, profile.warmUpRate());
            afterWarmUp.run();
            measuredStart.run();
            measuredAt = System.nanoTime();
            openAtRate(scripts, warmUpCount, measuredCount, profile.rate());
            endAt = System.nanoTime();
        }
        long giveUp = System.nanoTime() + profile.maxWait().plusSeconds(30).toNanos();
        while (!expiries.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        report.fact("missed still awaited at the end", expiries.size());
        return new long[] {measuredAt, endAt};
    }

    /** Opens conversations {@code first}, {@code first + 1}, … ({@code count} of them) at {@code perSecond}. */
    private void openAtRate(ExecutorService scripts, int first, int count, int perSecond) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long early = start + i * interval - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            int number = first + i;
            scripts.submit(() -> conversation(number));
        }
    }

    private void conversation(int n) {
        String conv = "c" + n;
        Route route = routes.get(n % routes.size());
        boolean measured = n >= measuredFrom;
        boolean answer = (n * 0.6180339887) % 1.0 >= profile.unansweredShare();
        StaffMember staff =
                route.members().get((n / routes.size()) % route.members().size());
        if (!answer) {
            unanswered.add(conv);
            if (measured) {
                unansweredMeasured.incrementAndGet();
            }
        } else {
            acceptorOf.put(conv, staff.index());
        }
        try {
            Opened opened = open(route, conv, measured);
            if (opened == null || !answer) {
                return;
            }
            serve(route, staff, conv, opened, measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            report.error("conversation script failed", e.toString());
        } finally {
            acceptorOf.remove(conv);
            enquiryOf.remove(conv);
            openedAt.remove(conv);
            if (answer) {
                arrivals.forget("offer " + conv);
            }
        }
    }

    /** What opening gave: the visitor token for a web conversation. */
    private record Opened(@Nullable String visitorToken) {}

    private record RoomReader(String roomId, String token) {}

    private @Nullable Opened open(Route route, String conv, boolean measured) {
        String text = "bench " + conv + " m0";
        long start = System.nanoTime();
        openedAt.put(conv, start);
        Api.Answer answer;
        if (route.channel() == null) {
            answer = api.call(
                    "POST",
                    "/api/widget/" + widgetId + "/conversations",
                    null,
                    Map.of(
                            "entry",
                            Map.of("type", "TAG", "id", route.tagId()),
                            "visitor",
                            Map.of("name", "Bench " + conv),
                            "text",
                            text));
        } else {
            Webhooks.Request request = Webhooks.message(
                    route.channel(), "cust-" + runId + "-" + conv, "mid-" + runId + "-" + conv + "-m0", text);
            answer = api.post(request.path(), request.headers(), request.body());
        }
        long took = (System.nanoTime() - start) / 1000;
        if (!answer.ok()) {
            report.error("open " + route.label() + ": " + answer.status(), answer.toString());
            return null;
        }
        if (measured) {
            report.record(ackFigure(route), took);
        }
        return new Opened(
                route.channel() == null ? answer.json().path("visitorToken").asString() : null);
    }

    private void serve(Route route, StaffMember staff, String conv, Opened opened, boolean measured)
            throws InterruptedException {
        long offered = arrivals.await("offer " + conv, WAIT);
        String enquiryId = enquiryOf.get(conv);
        if (offered < 0 || enquiryId == null) {
            report.error("offer not on the accepting staff's socket within 20 s", conv);
            return;
        }
        WebSocket visitor = null;
        try {
            if (opened.visitorToken() != null) {
                visitor =
                        api.socket("/ws/visitor?token=" + opened.visitorToken(), new TextFrames(this::onVisitorFrame));
            }
            sleep(profile.think());
            long acceptStart = System.nanoTime();
            Api.Answer accepted = api.call("POST", "/api/enquiries/" + enquiryId + "/accept", staff.token(), null);
            if (!accepted.ok()) {
                report.error("accept: " + accepted.status(), accepted.toString());
                return;
            }
            String roomId = accepted.json().path("roomId").asString();
            Api.Answer messages =
                    Rooms.messagesHolding(api, staff.token(), roomId, "bench " + conv + " m0", WAIT, roomNotFoundYet);
            long usable = System.nanoTime();
            if (!messages.ok() || !messages.body().contains("bench " + conv + " m0")) {
                report.error("room not usable within 20 s of the accept", messages.toString());
                return;
            }
            if (measured) {
                report.record("accept -> room usable (messages read)", (usable - acceptStart) / 1000);
            }
            long lastSeq = 0;
            for (var message : messages.json()) {
                lastSeq = Math.max(lastSeq, message.path("seq").asLong());
            }
            staff.rooms()
                    .sendText("{\"type\":\"subscribe\",\"roomId\":\"" + roomId + "\",\"after\":" + lastSeq + "}", true)
                    .join();
            if (arrivals.await("subscribed " + roomId, WAIT) < 0) {
                report.error("room socket: no 'subscribed' within 20 s", roomId);
                return;
            }
            for (int k = 1; k <= profile.messagesEachWay(); k++) {
                customerWrites(route, conv, k, opened, new RoomReader(roomId, staff.token()), measured);
                staffWrites(route, staff, roomId, conv, k, measured);
            }
            staff.rooms().sendText("{\"type\":\"unsubscribe\",\"roomId\":\"" + roomId + "\"}", true);
            Api.Answer closed = api.call("POST", "/api/rooms/" + roomId + "/close", staff.token(), null);
            if (!closed.ok()) {
                report.error("close room: " + closed.status(), closed.toString());
                return;
            }
            if (measured) {
                completed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            report.error("conversation: " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } finally {
            if (visitor != null) {
                visitor.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }

    private void customerWrites(Route route, String conv, int k, Opened opened, RoomReader room, boolean measured)
            throws InterruptedException {
        String id = conv + " m" + k;
        String text = "bench " + id;
        ledger.sent(id);
        roomOfMessage.put(id, room);
        long start = System.nanoTime();
        Api.Answer answer;
        if (route.channel() == null) {
            answer = api.call("POST", "/api/visitor/messages", opened.visitorToken(), Map.of("text", text));
        } else {
            Webhooks.Request request = Webhooks.message(
                    route.channel(), "cust-" + runId + "-" + conv, "mid-" + runId + "-" + conv + "-m" + k, text);
            answer = api.post(request.path(), request.headers(), request.body());
        }
        long acked = System.nanoTime();
        if (!answer.ok()) {
            ledger.refused(id);
            report.error("customer message " + route.label() + ": " + answer.status(), answer.toString());
            return;
        }
        if (measured) {
            report.record(
                    route.channel() == null
                            ? "ack: web visitor message (POST /api/visitor/messages)"
                            : ackFigure(route),
                    (acked - start) / 1000);
        }
        long arrived = arrivals.await("in " + id, WAIT);
        if (arrived < 0) {
            report.error("customer message not on the staff room socket within 20 s", id);
        } else if (measured) {
            report.record("customer message -> staff room socket", (arrived - start) / 1000);
        }
    }

    private void staffWrites(Route route, StaffMember staff, String roomId, String conv, int k, boolean measured)
            throws InterruptedException {
        String id = conv + " s" + k;
        ledger.sent(id);
        long start = System.nanoTime();
        Api.Answer answer =
                api.call("POST", "/api/rooms/" + roomId + "/messages", staff.token(), Map.of("text", "bench " + id));
        if (!answer.ok()) {
            ledger.refused(id);
            report.error("staff message: " + answer.status(), answer.toString());
            return;
        }
        long arrived = arrivals.await("out " + id, WAIT);
        if (arrived < 0) {
            report.error("staff message not at the customer within 20 s (" + route.label() + ")", id);
        } else if (measured) {
            report.record(
                    route.channel() == null
                            ? "staff message -> visitor socket (web)"
                            : "staff message -> platform send API (stub)",
                    (arrived - start) / 1000);
        }
    }

    private static String ackFigure(Route route) {
        return route.channel() == null
                ? "ack: web start (POST /api/widget/{id}/conversations)"
                : "ack: " + route.label() + " webhook";
    }

    private static int number(String conv) {
        return Integer.parseInt(conv.substring(1));
    }

    /** The conversation of a message id ({@code c12} of {@code c12 m1}). */
    private static String conversationOf(String messageId) {
        return messageId.substring(0, messageId.indexOf(' '));
    }

    private static void sleep(Duration think) throws InterruptedException {
        if (!think.isZero()) {
            Thread.sleep(think);
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
