package io.parley.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/** The record headers that repeat the envelope's id and type, so tools can route and log without parsing. */
public final class EventHeaders {

    public static final String EVENT_ID = "parley-event-id";
    public static final String EVENT_TYPE = "parley-event-type";

    private EventHeaders() {}

    static void write(Headers headers, Envelope<?> envelope) {
        headers.remove(EVENT_ID).remove(EVENT_TYPE);
        headers.add(EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of a header as text, or null when absent. */
    public static @Nullable String read(@Nullable Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
