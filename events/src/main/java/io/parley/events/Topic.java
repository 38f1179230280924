package io.parley.events;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * A topic declared once: its name, how its key is written, which sealed event interface its values
 * belong to, and whether it is compacted. Everything that produces to or consumes from a topic takes its
 * serdes from here.
 *
 * @param <K> the key type
 * @param <E> the sealed event interface of the values
 */
public final class Topic<K, E> {

    /** How the broker keeps the topic's records. */
    public enum Retention {
        /** Records age out (the broker's retention time). */
        DELETE,
        /** The latest record per key is kept forever: the topic is a table of snapshots. */
        COMPACT
    }

    private final String name;
    private final Serde<K> keySerde;
    private final EventCodec<E> codec;
    private final Retention retention;
    private final Serde<Envelope<E>> valueSerde;

    Topic(String name, Serde<K> keySerde, Class<E> eventInterface, Retention retention) {
        this.name = name;
        this.keySerde = keySerde;
        this.codec = EventCodec.of(eventInterface);
        this.retention = retention;
        this.valueSerde = Serdes.serdeFrom(new EnvelopeSerializer<>(codec), new EnvelopeDeserializer<>(codec));
    }

    static <E> Topic<String, E> keyedByString(String name, Class<E> eventInterface, Retention retention) {
        return new Topic<>(name, Serdes.String(), eventInterface, retention);
    }

    static <E> Topic<ConversationKey, E> keyedByConversation(String name, Class<E> eventInterface) {
        return new Topic<>(name, ConversationKey.serde(), eventInterface, Retention.DELETE);
    }

    public String name() {
        return name;
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    public Serde<Envelope<E>> valueSerde() {
        return valueSerde;
    }

    public EventCodec<E> codec() {
        return codec;
    }

    public Retention retention() {
        return retention;
    }

    public boolean compacted() {
        return retention == Retention.COMPACT;
    }

    /** The dead-letter topic that a consumer group parks this topic's unprocessable records on. */
    public String deadLetterTopic(String consumerGroup) {
        return name + "." + consumerGroup + ".dlt";
    }

    @Override
    public String toString() {
        return name;
    }

    /** Writes the envelope as JSON and repeats its id and type as headers. */
    private record EnvelopeSerializer<E>(EventCodec<E> codec) implements Serializer<Envelope<E>> {

        @Override
        public byte @Nullable [] serialize(String topic, @Nullable Envelope<E> envelope) {
            return envelope == null ? null : codec.encode(envelope);
        }

        @Override
        public byte @Nullable [] serialize(String topic, Headers headers, @Nullable Envelope<E> envelope) {
            if (envelope == null) {
                return null;
            }
            EventHeaders.write(headers, envelope);
            return codec.encode(envelope);
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {}
    }

    /** Reads an envelope; a tombstone stays null. */
    private record EnvelopeDeserializer<E>(EventCodec<E> codec) implements Deserializer<Envelope<E>> {

        @Override
        public @Nullable Envelope<E> deserialize(String topic, byte @Nullable [] data) {
            return data == null ? null : codec.decode(topic, data);
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {}
    }
}
