package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationKeyTest {

    @Test
    void textFormIsChannelAccountAndUser() {
        ConversationKey key = new ConversationKey(Channel.THIRD_PARTY, "demo-api", "cust-9");

        assertThat(key.value()).isEqualTo("third_party:demo-api:cust-9");
        assertThat(ConversationKey.parse("third_party:demo-api:cust-9")).isEqualTo(key);
    }

    @Test
    void externalUserIdMayContainColons() {
        ConversationKey key = ConversationKey.parse("email:demo-email:<abc:def@mail.example>");

        assertThat(key.externalUserId()).isEqualTo("<abc:def@mail.example>");
        assertThat(key.value()).isEqualTo("email:demo-email:<abc:def@mail.example>");
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> ConversationKey.parse("web:only-two")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.parse("pigeon:acc:user")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.parse("web::user")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void travelsAsItsTextFormInKafkaKeys() {
        ConversationKey key = new ConversationKey(Channel.LINE, "demo-line", "U123");
        byte[] bytes = Topics.CHANNEL_INBOUND_MESSAGE.keySerde().serializer().serialize("t", key);

        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("line:demo-line:U123");
        assertThat(Topics.CHANNEL_INBOUND_MESSAGE.keySerde().deserializer().deserialize("t", bytes))
                .isEqualTo(key);
    }
}
