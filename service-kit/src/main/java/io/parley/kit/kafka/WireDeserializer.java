package io.parley.kit.kafka;

import io.parley.events.Envelope;
import io.parley.events.EventHeaders;
import io.parley.events.Topic;
import io.parley.events.Topics;
import io.parley.events.UnknownEventTypeException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys or values of any Parley topic with that topic's serde. An event type this build does not know
 * (a newer producer, within the same version) reads as null and is skipped; a malformed value throws, so
 * the error policy parks it on the dead-letter topic.
 *
 * <p>A consumer configured with {@value #EVENT_TYPES_CONFIG} (the type names its subscription handles, comma
 * separated) reads the records of other types as null without decoding them: it looks at the type header
 * first, and at the decoded envelope's type only when a record has no header.
 */
public final class WireDeserializer implements Deserializer<Object> {

    /** The consumer property naming the only event types to decode. */
    public static final String EVENT_TYPES_CONFIG = "parley.event-types";

    private static final Logger log = LoggerFactory.getLogger(WireDeserializer.class);

    private boolean isKey;
    /** The event types to read; empty for all. */
    private Set<String> eventTypes = Set.of();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        Object types = configs.get(EVENT_TYPES_CONFIG);
        this.eventTypes = types == null || isKey
                ? Set.of()
                : Arrays.stream(types.toString().split(","))
                        .map(String::strip)
                        .filter(type -> !type.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public @Nullable Object deserialize(String topic, byte @Nullable [] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public @Nullable Object deserialize(String topic, @Nullable Headers headers, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        Optional<Topic<?, ?>> known = Topics.byName(topic);
        if (known.isEmpty()) {
            return data;
        }
        if (isKey) {
            return known.get().keySerde().deserializer().deserialize(topic, data);
        }
        if (!eventTypes.isEmpty()) {
            String type = EventHeaders.read(headers, EventHeaders.EVENT_TYPE);
            if (type != null && !eventTypes.contains(type)) {
                return null;
            }
        }
        try {
            Envelope<?> envelope = known.get().valueSerde().deserializer().deserialize(topic, data);
            return envelope == null || eventTypes.isEmpty() || eventTypes.contains(envelope.type()) ? envelope : null;
        } catch (UnknownEventTypeException e) {
            log.debug("Skipping a record of unknown type {} on {}", e.type(), topic);
            return null;
        }
    }
}
