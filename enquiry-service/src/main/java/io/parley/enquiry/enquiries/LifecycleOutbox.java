package io.parley.enquiry.enquiries;

import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.kit.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gets every transition's event to {@code enquiry.lifecycle.v1}, in order, even when Kafka is away at the
 * moment of the transition: the event is written into the enquiry's outbox by the transition's own
 * conditional update; it is published at once when it is the only one waiting, and otherwise (or after a
 * failure) by a relay that retries each such enquiry's outbox in order every second. An event can go out
 * twice (published, then the store was not told); consumers are idempotent and the event id is the same.
 *
 * <p>The relay retries the enquiries this instance could not deliver at once, which it remembers; it does not
 * search the store every second (no index can find a non-empty outbox, so that search read every enquiry
 * ever made). Events left by a stop or a crash between a transition and its delivery are found by a sweep of
 * the store: at the relay's first run and then every {@code parley.enquiry.outbox-sweep-interval} (5 min).
 */
@Component
public class LifecycleOutbox {

    private static final Logger log = LoggerFactory.getLogger(LifecycleOutbox.class);
    private static final int SWEEP_LIMIT = 10_000;

    private final Enquiries enquiries;
    private final EventPublisher events;
    private final Clock clock;
    private final Duration sweepEvery;
    /** Enquiries whose outbox may hold events that did not go out at once. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    private Instant nextSweep = Instant.MIN;

    @Autowired
    LifecycleOutbox(
            Enquiries enquiries,
            EventPublisher events,
            Clock clock,
            @Value("${parley.enquiry.outbox-sweep-interval:5m}") Duration sweepEvery) {
        this.enquiries = enquiries;
        this.events = events;
        this.clock = clock;
        this.sweepEvery = sweepEvery;
    }

    LifecycleOutbox(Enquiries enquiries, EventPublisher events, Clock clock) {
        this(enquiries, events, clock, Duration.ofMinutes(5));
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
            waiting.add(transitioned.id());
            return false;
        }
        boolean published = publish(transitioned.id(), event);
        if (!published) {
            waiting.add(transitioned.id());
        }
        return published;
    }

    /**
     * Has the relay look at this enquiry's outbox on its next run: for an enquiry met again after a restart or
     * a hand-over (a redelivered opener), whose events the instance that stored them may not have sent.
     */
    public void retry(String enquiryId) {
        waiting.add(enquiryId);
    }

    /** The relay: every second, each waiting enquiry's events in order, stopping at its first failure. */
    @Scheduled(fixedDelayString = "${parley.enquiry.outbox-relay-interval:1s}")
    void relay() {
        Instant now = clock.instant();
        if (!now.isBefore(nextSweep)) {
            waiting.addAll(enquiries.idsWithPendingEvents(SWEEP_LIMIT));
            nextSweep = now.plus(sweepEvery);
        }
        for (String enquiryId : List.copyOf(waiting)) {
            // Forget it first: every transition that queues an event meanwhile calls deliver(), which delivers
            // it or remembers the enquiry again; a failure here remembers it too.
            waiting.remove(enquiryId);
            for (String event : enquiries.byId(enquiryId).map(Enquiry::outbox).orElse(List.of())) {
                if (!publish(enquiryId, event)) {
                    waiting.add(enquiryId);
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
