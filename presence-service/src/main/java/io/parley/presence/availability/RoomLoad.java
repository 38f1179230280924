package io.parley.presence.availability;

import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.chat.Participant;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import io.parley.events.chat.RoomMessagePosted;
import io.parley.events.chat.RoomMessageStatusChanged;
import io.parley.events.chat.RoomOpened;
import io.parley.events.chat.RoomParticipantJoined;
import io.parley.events.chat.RoomParticipantLeft;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Active chats from {@code chat.room.v1}: a room opened with a staff participant counts for that staff member
 * until they leave it or it closes. Rooms are counted as a set of room ids, so a redelivered event counts once.
 * Only openings, departures and closings are read: the topic's other records (mostly the messages posted in every
 * room) are skipped by their type header without being decoded. A consumer per partition; a staff member's changes
 * are optimistic writes, safe from several consumers at once.
 */
@Configuration(proxyBeanMethods = false)
class RoomLoad {

    @Bean
    EventSubscription<String, RoomEvent> roomLoadSubscription(StaffPresence presence) {
        return EventSubscription.on(Topics.CHAT_ROOM, (String roomId, Envelope<RoomEvent> event) -> {
                    switch (event.payload()) {
                        case RoomOpened opened ->
                            opened.participants().stream()
                                    .filter(p -> p.role() == Participant.Role.STAFF)
                                    .forEach(p -> presence.joinedRoom(p.id(), opened.roomId()));
                        case RoomParticipantLeft left -> presence.leftRoom(left.participantId(), left.roomId());
                        case RoomClosed closed -> presence.roomClosed(closed.roomId());
                        case RoomParticipantJoined joined -> {
                            // A joining supervisor or transfer target is not counted: load follows the room's opening.
                        }
                        case RoomMessagePosted posted -> {} // not read (onlyTypes below)
                        case RoomMessageStatusChanged status -> {} // not read
                    }
                })
                .onlyTypes(RoomOpened.class, RoomParticipantLeft.class, RoomClosed.class)
                .withConsumerPerPartition();
    }
}
