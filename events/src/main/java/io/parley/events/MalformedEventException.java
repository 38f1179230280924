package io.parley.events;

import org.jspecify.annotations.Nullable;

/** A record's value is not a well-formed envelope of its topic: a poison pill for the dead-letter topic. */
public final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String topic, String reason, @Nullable Throwable cause) {
        super("Malformed event on " + topic + ": " + reason, cause);
    }
}
