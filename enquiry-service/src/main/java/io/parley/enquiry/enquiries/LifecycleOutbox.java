package io.parley.enquiry.enquiries;

import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.kit.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gets every transition's event to {@code enquiry.lifecycle.v1}, in order, even when Kafka is away at the
 * moment of the transition: the event is written into the enquiry's outbox by the transition's own
 * conditional update; it is published at once when it is the only one waiting, and otherwise (or after a
 * failure) by a relay that retries each enquiry's outbox in order every second. An event can go out twice
 * (published, then the store was not told); consumers are idempotent and the event id is the same.
 */
@Component
public class LifecycleOutbox {

    private static final Logger log = LoggerFactory.getLogger(LifecycleOutbox.class);

    private final Enquiries enquiries;
    private final EventPublisher events;
    private final Clock clock;

    LifecycleOutbox(Enquiries enquiries, EventPublisher events, Clock clock) {
        this.enquiries = enquiries;
        this.events = events;
        this.clock = clock;
    }

    /** The event of a transition about to be made, as the outbox holds it. */
    public String encode(EnquiryEvent event) {
        Envelope<EnquiryEvent> envelope = Envelope.of(event, clock);
        return new String(Topics.ENQUIRY_LIFECYCLE.codec().encode(envelope), StandardCharsets.UTF_8);
    }

    /**
     * Publishes the event of a transition that has just been made, when nothing older waits before it.
     *
     * @return whether Kafka acknowledged it now (otherwise the relay will deliver it)
     */
    public boolean deliver(Enquiry transitioned, String event) {
        List<String> outbox = transitioned.outbox();
        if (outbox.isEmpty() || !outbox.getFirst().equals(event)) {
            return false;
        }
        return publish(transitioned.id(), event);
    }

    /** The relay: every second, each enquiry's waiting events in order, stopping at the first failure. */
    @Scheduled(fixedDelayString = "${parley.enquiry.outbox-relay-interval:1s}")
    void relay() {
        for (Enquiry enquiry : enquiries.withPendingEvents(500)) {
            for (String event : enquiry.outbox()) {
                if (!publish(enquiry.id(), event)) {
                    break;
                }
            }
        }
    }

    private boolean publish(String enquiryId, String event) {
        Envelope<EnquiryEvent> envelope = Topics.ENQUIRY_LIFECYCLE
                .codec()
                .decode(Topics.ENQUIRY_LIFECYCLE.name(), event.getBytes(StandardCharsets.UTF_8));
        try {
            events.publish(Topics.ENQUIRY_LIFECYCLE, enquiryId, envelope).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn(
                    "{} of {} not acknowledged by Kafka yet; the relay will retry: {}",
                    envelope.type(),
                    enquiryId,
                    e.toString());
            return false;
        }
        enquiries.delivered(enquiryId, event);
        return true;
    }
}
