package io.parley.presence.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.Topics;
import io.parley.events.chat.Participant;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomOpened;
import io.parley.events.chat.RoomParticipantLeft;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.kit.kafka.EventPublisher;
import io.parley.presence.RunningPresence;
import io.parley.presence.staff.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Availability over real HTTP and Kafka: set by staff and supervisors, automatic IDLE, active chats. */
class AvailabilityIT extends RunningPresence {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventPublisher publisher;

    @Autowired
    StaffPresence presence;

    @Test
    void staffMemberSetsTheirStatusAndItIsAnnouncedWithCapacityAndLoad() throws Exception {
        Staff alice = newStaff(Role.STAFF);

        HttpResponse<String> response = setStatus("/api/presence/me", alice.token(), "ACTIVE");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(json(get("/api/presence/me", alice.token())).path("status").asString())
                .isEqualTo("ACTIVE");
        StaffStatusChanged last = lastAnnounced(alice.id(), Availability.ACTIVE);
        assertThat(last.maxConcurrentChats()).isEqualTo(3);
        assertThat(last.activeChats()).isZero();
    }

    @Test
    void unknownStatusIsRefused() throws Exception {
        Staff bob = newStaff(Role.STAFF);

        HttpResponse<String> response = setStatus("/api/presence/me", bob.token(), "SLEEPING");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("presence.unknown-status");
    }

    @Test
    void staffMemberCannotSetSomeoneElsesStatus() throws Exception {
        Staff carol = newStaff(Role.STAFF);
        Staff dave = newStaff(Role.STAFF);

        HttpResponse<String> response = setStatus("/api/presence/" + dave.id(), carol.token(), "OFFLINE");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("auth.forbidden");
    }

    @Test
    void supervisorSetsSomeoneElsesStatusButNotOfAnUnknownStaffMember() throws Exception {
        Staff supervisor = newStaff(Role.SUPERVISOR);
        Staff erin = newStaff(Role.STAFF);

        HttpResponse<String> set = setStatus("/api/presence/" + erin.id(), supervisor.token(), "BUSY");
        HttpResponse<String> unknown = setStatus("/api/presence/staff-nobody", supervisor.token(), "BUSY");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(presence.view(erin.id()).status()).isEqualTo(Availability.BUSY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("staff.not-found");
    }

    @Test
    void activeStaffMemberWithoutActivityBecomesIdleAndActiveAgainOnActivity() throws Exception {
        Staff frank = newStaff(Role.STAFF);
        setStatus("/api/presence/me", frank.token(), "ACTIVE");

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));

        await().atMost(WAIT).until(() -> presence.view(frank.id()).status() == Availability.IDLE);
        lastAnnounced(frank.id(), Availability.IDLE);
        HttpResponse<String> me = get("/api/presence/me", frank.token());
        assertThat(json(me).path("status").asString()).isEqualTo("ACTIVE");
        lastAnnounced(frank.id(), Availability.ACTIVE);
    }

    @Test
    void busyStaffMemberWhoWentIdleReturnsToBusyNotActive() throws Exception {
        Staff grace = newStaff(Role.STAFF);
        setStatus("/api/presence/me", grace.token(), "BUSY");

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));

        await().atMost(WAIT).until(() -> presence.view(grace.id()).status() == Availability.IDLE);
        assertThat(json(get("/api/presence/me", grace.token())).path("status").asString())
                .isEqualTo("BUSY");
    }

    @Test
    void staffMemberWhoChoseIdleStaysIdleOnActivity() throws Exception {
        Staff heidi = newStaff(Role.STAFF);
        setStatus("/api/presence/me", heidi.token(), "IDLE");

        assertThat(json(get("/api/presence/me", heidi.token())).path("status").asString())
                .isEqualTo("IDLE");
    }

    @Test
    void activeChatsCountRoomsOpenedWithTheStaffMemberOnceEachUntilLeftOrClosed() throws Exception {
        Staff ivan = newStaff(Role.STAFF);
        setStatus("/api/presence/me", ivan.token(), "ACTIVE");
        RoomOpened first = roomWith(ivan.id());
        RoomOpened second = roomWith(ivan.id());

        publisher.publishAndWait(Topics.CHAT_ROOM, first.roomId(), first);
        publisher.publishAndWait(Topics.CHAT_ROOM, first.roomId(), first);
        publisher.publishAndWait(Topics.CHAT_ROOM, second.roomId(), second);

        await().atMost(WAIT).until(() -> presence.view(ivan.id()).activeChats() == 2);
        assertThat(lastAnnouncedWithChats(ivan.id(), 2).status()).isEqualTo(Availability.ACTIVE);

        publisher.publishAndWait(
                Topics.CHAT_ROOM,
                first.roomId(),
                new RoomParticipantLeft(first.roomId(), ivan.id(), "transferred", CLOCK.instant()));
        publisher.publishAndWait(
                Topics.CHAT_ROOM,
                second.roomId(),
                new RoomClosed(second.roomId(), second.enquiryId(), ivan.id(), CLOCK.instant()));
        publisher.publishAndWait(
                Topics.CHAT_ROOM,
                second.roomId(),
                new RoomClosed(second.roomId(), second.enquiryId(), ivan.id(), CLOCK.instant()));

        await().atMost(WAIT).until(() -> presence.view(ivan.id()).activeChats() == 0);
        lastAnnouncedWithChats(ivan.id(), 0);
    }

    private RoomOpened roomWith(String staffId) {
        String roomId = "room-" + UUID.randomUUID();
        return new RoomOpened(
                roomId,
                "enq-" + UUID.randomUUID(),
                new ConversationKey(Channel.LINE, "demo-line", "U" + roomId),
                Channel.LINE,
                "demo-line",
                new Customer("U" + roomId, "Customer", null, null),
                List.of(
                        new Participant(Participant.Role.CUSTOMER, "U" + roomId, "Customer"),
                        new Participant(Participant.Role.STAFF, staffId, "Staff")),
                CLOCK.instant());
    }

    private HttpResponse<String> setStatus(String path, String token, String status) throws Exception {
        return send("PUT", path, token, JSON.writeValueAsString(Map.of("status", status)));
    }

    private static StaffStatusChanged lastAnnounced(String staffId, Availability status) {
        return await().atMost(WAIT).until(() -> lastSnapshot(staffId), s -> s != null && s.status() == status);
    }

    private static StaffStatusChanged lastAnnouncedWithChats(String staffId, int chats) {
        return await().atMost(WAIT).until(() -> lastSnapshot(staffId), s -> s != null && s.activeChats() == chats);
    }

    private static StaffStatusChanged lastSnapshot(String staffId) {
        List<?> all = events(Topics.PRESENCE_STAFF_STATUS, staffId);
        return all.isEmpty() ? null : (StaffStatusChanged) all.getLast();
    }
}
