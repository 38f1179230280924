package io.parley.kit.kafka;

import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topic;
import io.parley.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes keys and values of any Parley topic (and of its dead-letter topics): envelopes through their
 * topic's codec, conversation keys and strings as UTF-8, raw bytes as they are.
 */
public final class WireSerializer implements Serializer<Object> {

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable Object data) {
        return serialize(topic, null, data);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte @Nullable [] serialize(String topic, @Nullable Headers headers, @Nullable Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case ConversationKey key -> key.value().getBytes(StandardCharsets.UTF_8);
            case Envelope<?> envelope -> {
                Topic topicOfEvent = topicCarrying(envelope.payload());
                yield headers == null
                        ? topicOfEvent.valueSerde().serializer().serialize(topic, envelope)
                        : topicOfEvent.valueSerde().serializer().serialize(topic, headers, envelope);
            }
            default -> throw new SerializationException("Cannot write " + data.getClass() + " to " + topic);
        };
    }

    private static Topic<?, ?> topicCarrying(Object payload) {
        return Topics.all().stream()
                .filter(t -> t.codec().eventInterface().isInstance(payload))
                .findFirst()
                .orElseThrow(() -> new SerializationException("No topic carries " + payload.getClass()));
    }
}
