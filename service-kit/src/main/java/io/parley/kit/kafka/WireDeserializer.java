package io.parley.kit.kafka;

import io.parley.events.Topic;
import io.parley.events.Topics;
import io.parley.events.UnknownEventTypeException;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys or values of any Parley topic with that topic's serde. An event type this build does not know
 * (a newer producer, within the same version) reads as null and is skipped; a malformed value throws, so
 * the error policy parks it on the dead-letter topic.
 */
public final class WireDeserializer implements Deserializer<Object> {

    private static final Logger log = LoggerFactory.getLogger(WireDeserializer.class);

    private boolean isKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
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
        try {
            return known.get().valueSerde().deserializer().deserialize(topic, data);
        } catch (UnknownEventTypeException e) {
            log.debug("Skipping a record of unknown type {} on {}", e.type(), topic);
            return null;
        }
    }
}
