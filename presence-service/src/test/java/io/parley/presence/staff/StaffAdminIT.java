package io.parley.presence.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Topics;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.presence.RunningPresence;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/admin/staff} over real HTTP: ADMIN only, validated, never showing password hashes. */
class StaffAdminIT extends RunningPresence {

    @Test
    void adminCreatesAStaffMemberWhoCanLogInAndIsAnnouncedOffline() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = send("POST", "/api/admin/staff", admin.token(), newStaff(username));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("id").asString();
        assertThat(body.path("username").asString()).isEqualTo(username);
        assertThat(body.path("roles").valueStream().map(JsonNode::asString)).containsExactly("STAFF");
        assertThat(body.path("maxConcurrentChats").asInt()).isEqualTo(4);
        assertThat(created.body()).doesNotContain("passwordHash").doesNotContain("$2a$");
        assertThat(send("POST", "/api/auth/login", null, credentials(username, "long-enough-pw"))
                        .statusCode())
                .isEqualTo(200);
        List<StaffStatusChanged> announced = await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(Topics.PRESENCE_STAFF_STATUS, id), e -> !e.isEmpty())
                .stream()
                .map(StaffStatusChanged.class::cast)
                .toList();
        assertThat(announced.getFirst().maxConcurrentChats()).isEqualTo(4);
        assertThat(announced.getFirst().status().name()).isEqualTo("OFFLINE");
    }

    @Test
    void listAndGetShowAccountsWithoutPasswordHashes() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        Staff other = newStaff(Role.STAFF);

        HttpResponse<String> list = get("/api/admin/staff", admin.token());
        HttpResponse<String> one = get("/api/admin/staff/" + other.id(), admin.token());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).valueStream().map(n -> n.path("id").asString())).contains(admin.id(), other.id());
        assertThat(list.body()).doesNotContain("passwordHash").doesNotContain("$2a$");
        assertThat(json(one).path("username").asString()).isEqualTo(other.username());
        assertThat(get("/api/admin/staff/staff-missing", admin.token()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void usernameMustBeUnique() throws Exception {
        Staff admin = newStaff(Role.ADMIN);

        HttpResponse<String> response = send("POST", "/api/admin/staff", admin.token(), newStaff(admin.username()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(code(response)).isEqualTo("staff.username-taken");
    }

    @Test
    void shortPasswordIsWeak() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        String body = JSON.writeValueAsString(Map.of(
                "username",
                "weak-" + UUID.randomUUID().toString().substring(0, 8),
                "name",
                "Weak",
                "password",
                "123456789",
                "roles",
                List.of("STAFF"),
                "maxConcurrentChats",
                2));

        HttpResponse<String> response = send("POST", "/api/admin/staff", admin.token(), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("staff.weak-password");
    }

    @Test
    void invalidRolesCapacityAndPhotoAreRefused() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        Staff target = newStaff(Role.STAFF);

        HttpResponse<String> badRole =
                send("PUT", "/api/admin/staff/" + target.id(), admin.token(), changes("ROOT", 2, null));
        HttpResponse<String> badMax =
                send("PUT", "/api/admin/staff/" + target.id(), admin.token(), changes("STAFF", 51, null));
        HttpResponse<String> badPhoto = send(
                "PUT", "/api/admin/staff/" + target.id(), admin.token(), changes("STAFF", 2, "javascript:alert(1)"));

        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(code(badRole)).isEqualTo("staff.invalid-roles");
        assertThat(code(badMax)).isEqualTo("staff.invalid-max-concurrent-chats");
        assertThat(code(badPhoto)).isEqualTo("staff.invalid-photo-url");
    }

    @Test
    void updateChangesNamePhotoRolesAndCapacity() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        Staff target = newStaff(Role.STAFF);

        HttpResponse<String> response = send(
                "PUT",
                "/api/admin/staff/" + target.id(),
                admin.token(),
                changes("SUPERVISOR", 7, "https://img.example/p.png"));

        assertThat(response.statusCode()).isEqualTo(200);
        StaffAccount stored = accounts.byId(target.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Renamed");
        assertThat(stored.photoUrl()).isEqualTo("https://img.example/p.png");
        assertThat(stored.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(stored.maxConcurrentChats()).isEqualTo(7);
    }

    @Test
    void newPasswordReplacesTheOld() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        Staff target = newStaff(Role.STAFF);

        HttpResponse<String> response = send(
                "PUT",
                "/api/admin/staff/" + target.id() + "/password",
                admin.token(),
                JSON.writeValueAsString(Map.of("password", "brand-new-password")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(send("POST", "/api/auth/login", null, credentials(target.username(), "brand-new-password"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/auth/login", null, credentials(target.username(), target.password()))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void staffAndSupervisorsAreForbidden() throws Exception {
        Staff staff = newStaff(Role.STAFF, Role.SUPERVISOR);

        HttpResponse<String> list = get("/api/admin/staff", staff.token());
        HttpResponse<String> create = send("POST", "/api/admin/staff", staff.token(), newStaff("sneaky"));

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(code(list)).isEqualTo("auth.forbidden");
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(accounts.byUsername("sneaky")).isEmpty();
    }

    @Test
    void deleteAnnouncesStaffRemovedAndEndsTheirSessions() throws Exception {
        Staff admin = newStaff(Role.ADMIN);
        Staff leaving = newStaff(Role.STAFF);

        HttpResponse<String> response = send("DELETE", "/api/admin/staff/" + leaving.id(), admin.token(), null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(accounts.byId(leaving.id())).isEmpty();
        assertThat(get("/api/presence/me", leaving.token()).statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(Topics.PRESENCE_STAFF_STATUS, leaving.id()).stream()
                        .anyMatch(StaffRemoved.class::isInstance));
    }

    @Test
    void theLastAdminCannotBeDeletedNorLoseTheRole() throws Exception {
        // given every admin but one removed
        Staff last = newStaff(Role.ADMIN);
        for (StaffAccount account : accounts.all()) {
            if (account.roles().contains(Role.ADMIN) && !account.id().equals(last.id())) {
                assertThat(send("DELETE", "/api/admin/staff/" + account.id(), last.token(), null)
                                .statusCode())
                        .isEqualTo(204);
            }
        }

        HttpResponse<String> delete = send("DELETE", "/api/admin/staff/" + last.id(), last.token(), null);
        HttpResponse<String> demote =
                send("PUT", "/api/admin/staff/" + last.id(), last.token(), changes("STAFF", 3, null));

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(code(delete)).isEqualTo("staff.last-admin");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(code(demote)).isEqualTo("staff.last-admin");
        assertThat(accounts.byId(last.id()).orElseThrow().roles()).contains(Role.ADMIN);
    }

    private static String newStaff(String username) {
        return JSON.writeValueAsString(Map.of(
                "username",
                username,
                "name",
                "New Person",
                "password",
                "long-enough-pw",
                "roles",
                List.of("STAFF"),
                "maxConcurrentChats",
                4));
    }

    private static String changes(String role, int maxChats, String photoUrl) {
        var body = new java.util.HashMap<String, Object>();
        body.put("name", "Renamed");
        body.put("roles", List.of(role));
        body.put("maxConcurrentChats", maxChats);
        body.put("photoUrl", photoUrl);
        return JSON.writeValueAsString(body);
    }
}
