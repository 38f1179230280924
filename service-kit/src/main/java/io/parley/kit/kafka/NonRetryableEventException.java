package io.parley.kit.kafka;

/**
 * A handler's verdict that an event can never be processed (it contradicts what the service knows), so
 * retrying is pointless: the record goes straight to the dead-letter topic.
 */
public class NonRetryableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonRetryableEventException(String message) {
        super(message);
    }
}
