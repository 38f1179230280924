package io.parley.chatroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.parley.events.Sender;
import io.parley.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two chatroom instances writing to one room: each remembers the last number it wrote, and must still give
 * every message the next number when the other one wrote in between.
 */
class TranscriptsIT {

    static MongoClient client;
    static Transcripts first;
    static Transcripts second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        var database = client.getDatabase("transcripts-it");
        first = new Transcripts(database);
        second = new Transcripts(database);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void messagesWrittenInTurnByTwoInstancesAreNumberedWithoutAGapOrADuplicate() {
        String room = "enq-" + UUID.randomUUID();

        Transcripts[] writers = {first, first, second, first, second, second, first};
        for (int i = 0; i < writers.length; i++) {
            Transcripts.Appended appended = writers[i].append(
                    room, "m" + i, Sender.staff("alice", "Alice"), "message " + i, List.of(), Instant.now(), null);
            assertThat(appended.stored()).isTrue();
            assertThat(appended.message().seq()).isEqualTo(i + 1L);
        }

        List<RoomMessage> stored = first.after(room, 0, 100);
        assertThat(stored).extracting(RoomMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(stored)
                .extracting(RoomMessage::text)
                .containsExactly(
                        "message 0", "message 1", "message 2", "message 3", "message 4", "message 5", "message 6");
    }

    @Test
    void aMessageAppendedAgainByTheOtherInstanceIsStoredOnce() {
        String room = "enq-" + UUID.randomUUID();
        first.append(room, "p:1", Sender.system(), "hello", List.of(), Instant.now(), null);
        second.append(room, "p:2", Sender.system(), "second", List.of(), Instant.now(), null);

        Transcripts.Appended again =
                first.append(room, "p:2", Sender.system(), "second", List.of(), Instant.now(), null);

        assertThat(again.stored()).isFalse();
        assertThat(again.message().seq()).isEqualTo(2);
        assertThat(second.after(room, 0, 100)).extracting(RoomMessage::seq).containsExactly(1L, 2L);
    }
}
