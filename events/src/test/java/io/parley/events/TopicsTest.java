package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicIsFoundByItsNameAndNothingElseIs() {
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(Topics.byName(topic.name())).containsSame(topic);
        }
        assertThat(Topics.byName("chat.room.v2")).isEmpty();
        assertThat(Topics.byName("chat.room.v1.chatroom-service.dlt")).isEmpty();
    }

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void anEventClassHasTheWireTypeNameItsTopicReadsItBy() {
        EventCodec<RoomEvent> rooms = Topics.CHAT_ROOM.codec();

        String type = rooms.typeName(RoomClosed.class);

        assertThat(rooms.classOf(type)).isEqualTo(RoomClosed.class);
        assertThat(type).isEqualTo("chat.room-closed");
    }

    @Test
    void aClassThatIsNotOneOfTheTopicsEventsHasNoTypeNameThere() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        EventCodec<Object> rooms = (EventCodec) Topics.CHAT_ROOM.codec();

        assertThatThrownBy(() -> rooms.typeName(io.parley.events.routing.TagRemoved.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RoomEvent");
    }
}
