package io.parley.bench.load;

import io.parley.bench.Figures;
import io.parley.bench.load.Cast.Route;
import io.parley.bench.load.Cast.StaffMember;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Prepares a load run through the admin API, as an administrator would: the benchmark's staff accounts
 * (created once, reused on a running suite), a destination per channel (or one for all) with a short maximum
 * wait, a widget tag for the web, the demo {@code Support} destination relieved of the demo channel accounts
 * the benchmark uses; then every staff member signs in, goes ACTIVE and opens an agent and a room socket.
 */
final class LoadSetup {

    static final String WIDGET = "bench";
    private static final String PASSWORD = "bench-password-1";
    private static final int MAX_CHATS = 50;

    private final Api api;
    private final String admin;
    private final Figures report;

    LoadSetup(Api api, String adminToken, Figures report) {
        this.api = api;
        this.admin = adminToken;
        this.report = report;
    }

    /**
     * @param onePerChannel a destination per channel (staff split evenly), else one destination for all
     * @param agentFrames the handler of every agent socket's frames
     * @param roomFrames the handler of every room socket's frames
     */
    List<Route> prepare(
            int staffCount,
            boolean onePerChannel,
            Duration maxWait,
            java.util.function.BiConsumer<StaffMember, TextFrames.Frame> agentFrames,
            java.util.function.Consumer<TextFrames.Frame> roomFrames)
            throws Exception {
        long begin = System.nanoTime();
        List<String> ids = staffAccounts(staffCount);
        List<Webhooks.@Nullable Channel> entries = new ArrayList<>(List.of(Webhooks.Channel.values()));
        entries.add(null);
        int groups = onePerChannel ? entries.size() : 1;
        List<List<String>> memberIds = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            memberIds.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            memberIds.get(i % groups).add(ids.get(i));
        }
        relieveSupportDestination();
        List<String> destinations = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> accounts = new ArrayList<>();
            for (int e = 0; e < entries.size(); e++) {
                Webhooks.Channel channel = entries.get(e);
                if (channel != null && (!onePerChannel || e == g)) {
                    accounts.add(channel.accountId);
                }
            }
            String name = onePerChannel ? "Bench " + label(entries.get(g)) : "Bench";
            destinations.add(destination(name, memberIds.get(g), accounts, maxWait));
        }
        String webDestination = destinations.get(onePerChannel ? entries.size() - 1 : 0);
        String tagId = tag("bench-web", webDestination);
        widget(tagId);
        report.fact("setup: accounts, destinations, tags, widget", seconds(begin));

        begin = System.nanoTime();
        List<StaffMember> staff = signIn(ids, agentFrames, roomFrames);
        report.fact("setup: sign-in, ACTIVE, sockets", seconds(begin));
        Map<String, StaffMember> byId = new HashMap<>();
        staff.forEach(s -> byId.put(s.id(), s));
        List<Route> routes = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            List<StaffMember> members =
                    memberIds.get(onePerChannel ? e : 0).stream().map(byId::get).toList();
            Webhooks.Channel channel = entries.get(e);
            routes.add(new Route(label(channel), channel, channel == null ? tagId : null, members));
        }
        return routes;
    }

    private List<String> staffAccounts(int count) throws Exception {
        Map<String, String> existing = new HashMap<>();
        for (JsonNode staff : ok(api.call("GET", "/api/admin/staff", admin, null), "list staff")
                .json()) {
            existing.put(staff.path("username").asString(), staff.path("id").asString());
        }
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            usernames.add("bench-" + i);
        }
        // BCrypt makes each creation and sign-in cost tens of milliseconds of CPU: a few at a time.
        return parallel(
                usernames,
                username -> existing.containsKey(username)
                        ? existing.get(username)
                        : ok(
                                        api.call(
                                                "POST",
                                                "/api/admin/staff",
                                                admin,
                                                Map.of(
                                                        "username", username,
                                                        "name", "Bench " + username.substring(6),
                                                        "password", PASSWORD,
                                                        "roles", List.of("STAFF"),
                                                        "maxConcurrentChats", MAX_CHATS)),
                                        "create " + username)
                                .json()
                                .path("id")
                                .asString());
    }

    /** The demo destination serves every demo account; the benchmark's own destinations take over its five. */
    private void relieveSupportDestination() {
        Api.Answer support = api.call("GET", "/api/admin/destinations/support", admin, null);
        if (!support.ok()) {
            return;
        }
        JsonNode d = support.json();
        List<String> accounts = new ArrayList<>();
        for (JsonNode account : d.path("channelAccountIds")) {
            accounts.add(account.asString());
        }
        for (Webhooks.Channel channel : Webhooks.Channel.values()) {
            accounts.remove(channel.accountId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", d.path("name").asString());
        body.put("memberStaffIds", strings(d.path("memberStaffIds")));
        body.put("tagIds", strings(d.path("tagIds")));
        body.put("channelAccountIds", accounts);
        body.put("servesDirectEnquiries", d.path("servesDirectEnquiries").asBoolean());
        body.put("maxWaitSeconds", d.path("maxWaitSeconds").asInt());
        ok(api.call("PUT", "/api/admin/destinations/support", admin, body), "update the Support destination");
    }

    private String destination(String name, List<String> members, List<String> accounts, Duration maxWait)
            throws InterruptedException {
        String found = null;
        for (JsonNode d : ok(api.call("GET", "/api/admin/destinations", admin, null), "list destinations")
                .json()) {
            if (d.path("name").asString().equals(name)) {
                found = d.path("id").asString();
            }
        }
        String existing = found;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("memberStaffIds", members);
        body.put("channelAccountIds", accounts);
        body.put("maxWaitSeconds", Math.max(10, maxWait.toSeconds()));
        // Routing learns of new staff through Kafka: until then the members are "unknown".
        Api.Answer answer = retrying(() -> existing == null
                ? api.call("POST", "/api/admin/destinations", admin, body)
                : api.call("PUT", "/api/admin/destinations/" + existing, admin, body));
        return ok(answer, "destination " + name).json().path("id").asString();
    }

    private String tag(String name, String destinationId) throws InterruptedException {
        Map<String, Object> body = Map.of("name", name, "destinationId", destinationId);
        for (JsonNode t :
                ok(api.call("GET", "/api/admin/tags", admin, null), "list tags").json()) {
            if (t.path("name").asString().equals(name)) {
                String id = t.path("id").asString();
                ok(retrying(() -> api.call("PUT", "/api/admin/tags/" + id, admin, body)), "tag " + name);
                return id;
            }
        }
        return ok(retrying(() -> api.call("POST", "/api/admin/tags", admin, body)), "tag " + name)
                .json()
                .path("id")
                .asString();
    }

    private void widget(String tagId) throws InterruptedException {
        Map<String, Object> body = Map.of("id", WIDGET, "name", "Bench", "tagIds", List.of(tagId));
        Api.Answer created = retrying(() -> api.call("POST", "/api/admin/widgets", admin, body));
        if (created.status() == 409) {
            created = retrying(() -> api.call("PUT", "/api/admin/widgets/" + WIDGET, admin, body));
        }
        ok(created, "widget");
    }

    private List<StaffMember> signIn(
            List<String> ids,
            java.util.function.BiConsumer<StaffMember, TextFrames.Frame> agentFrames,
            java.util.function.Consumer<TextFrames.Frame> roomFrames)
            throws Exception {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            indexes.add(i);
        }
        return parallel(indexes, i -> {
            String token = api.login("bench-" + i, PASSWORD);
            StaffMember[] self = new StaffMember[1];
            try {
                WebSocket agent = api.socket("/ws/agent?access_token=" + token, new TextFrames(frame -> {
                    if (self[0] != null) {
                        agentFrames.accept(self[0], frame);
                    }
                }));
                WebSocket rooms = api.socket("/ws/rooms?access_token=" + token, new TextFrames(roomFrames));
                self[0] = new StaffMember(i, ids.get(i), token, agent, rooms);
                // Socket first, as the console does: a staff member without one for 15 s is made OFFLINE again.
                ok(api.call("PUT", "/api/presence/me", token, Map.of("status", "ACTIVE")), "ACTIVE");
                return self[0];
            } catch (Exception e) {
                throw new IllegalStateException("sockets of bench-" + i + ": " + e, e);
            }
        });
    }

    private static <T, R> List<R> parallel(List<T> items, Function<T, R> work) throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return Collections.unmodifiableList(results);
    }

    /** Retries a 400 that names something another service has not learnt of yet, for up to 60 s. */
    private static Api.Answer retrying(java.util.function.Supplier<Api.Answer> call) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Answer answer = call.get();
        while (answer.status() == 400 && answer.body().contains("unknown") && System.nanoTime() < giveUp) {
            Thread.sleep(250);
            answer = call.get();
        }
        return answer;
    }

    private static Api.Answer ok(Api.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
        return answer;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String label(Webhooks.@Nullable Channel channel) {
        return channel == null ? "web" : channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String seconds(long begin) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - begin) / 1e9);
    }
}
