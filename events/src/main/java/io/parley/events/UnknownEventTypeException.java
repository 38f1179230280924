package io.parley.events;

/**
 * A record carries an event type this build does not know. Within a major version producers may add
 * event types, so consumers skip such records rather than fail.
 */
public final class UnknownEventTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;

    public UnknownEventTypeException(String topic, String type) {
        super("Unknown event type '" + type + "' on topic " + topic);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
