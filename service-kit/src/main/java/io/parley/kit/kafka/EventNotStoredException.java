package io.parley.kit.kafka;

/**
 * Kafka did not acknowledge an event in time. Whoever is waiting (a webhook, an API call) must answer with
 * a 5xx so the caller retries: nothing acknowledged may be lost.
 */
public class EventNotStoredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventNotStoredException(String topic, Throwable cause) {
        super("Kafka did not acknowledge the event on " + topic + ": " + cause.getMessage(), cause);
    }
}
