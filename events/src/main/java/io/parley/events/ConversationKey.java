package io.parley.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Identifies one customer's conversation with one channel account: {@code channel:account:externalUserId},
 * e.g. {@code facebook:demo-page:6543210}. It keys every conversation-scoped topic, so one partition — one
 * writer — carries a conversation's whole history in order.
 */
public record ConversationKey(Channel channel, String accountId, String externalUserId) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        requirePart(accountId, "accountId");
        requirePart(externalUserId, "externalUserId");
        if (accountId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("accountId must not contain ':': " + accountId);
        }
    }

    private static void requirePart(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Parses the text form; the external user id may itself contain ':'. */
    @JsonCreator
    public static ConversationKey parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a conversation key (channel:account:user): " + text);
        }
        return new ConversationKey(Channel.fromWire(parts[0]), parts[1], parts[2]);
    }

    @JsonValue
    public String value() {
        return channel.name().toLowerCase(Locale.ROOT) + ":" + accountId + ":" + externalUserId;
    }

    @Override
    public String toString() {
        return value();
    }

    static Serde<ConversationKey> serde() {
        return Serdes.serdeFrom(
                (topic, key) ->
                        key == null ? null : Serdes.String().serializer().serialize(topic, key.value()),
                (topic, bytes) -> bytes == null
                        ? null
                        : parse(Serdes.String().deserializer().deserialize(topic, bytes)));
    }
}
