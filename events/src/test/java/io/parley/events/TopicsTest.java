package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

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
}
