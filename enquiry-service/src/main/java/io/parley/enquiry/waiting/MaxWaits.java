package io.parley.enquiry.waiting;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.EntryPoint;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import io.parley.kit.kafka.EventSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * How long a new enquiry may wait: the longest maximum waiting time of the destinations that serve it (by
 * tag, else by channel account, or the staff member's destinations for a direct enquiry); when none serves
 * it, {@code parley.enquiry.default-max-wait} (60 s). {@code parley.enquiry.max-wait-cap}, when set, caps it
 * (tests use it to see deadlines pass in seconds).
 */
@Component
public class MaxWaits {

    private final MongoCollection<Document> destinations;
    private final MongoCollection<Document> tags;
    private final Duration defaultWait;
    private final @Nullable Duration cap;

    MaxWaits(
            MongoDatabase database,
            @Value("${parley.enquiry.default-max-wait:60s}") Duration defaultWait,
            @Value("${parley.enquiry.max-wait-cap:#{null}}") @Nullable Duration cap) {
        this.destinations = database.getCollection("destination_waits");
        this.tags = database.getCollection("tag_destinations");
        this.defaultWait = defaultWait;
        this.cap = cap;
    }

    public Duration forEnquiry(EntryPoint entryPoint, @Nullable String tagId, String channelAccountId) {
        List<Document> serving = new ArrayList<>();
        for (Document destination : destinations.find()) {
            if (serves(destination, entryPoint, tagId, channelAccountId)) {
                serving.add(destination);
            }
        }
        Duration wait = serving.stream()
                .map(d -> Duration.ofMillis(d.getLong("maxWaitMillis")))
                .max(Duration::compareTo)
                .orElse(defaultWait);
        return cap != null && cap.compareTo(wait) < 0 ? cap : wait;
    }

    private boolean serves(
            Document destination, EntryPoint entryPoint, @Nullable String tagId, String channelAccountId) {
        if (entryPoint.isDirect()) {
            return destination.getBoolean("servesDirect", false)
                    && destination.getList("members", String.class).contains(entryPoint.id());
        }
        if (tagId != null) {
            Document tag = tags.find(eq("_id", tagId)).first();
            return destination.getList("tagIds", String.class).contains(tagId)
                    || (tag != null && destination.getString("_id").equals(tag.getString("destinationId")));
        }
        return destination.getList("channelAccountIds", String.class).contains(channelAccountId);
    }

    void apply(Envelope<DestinationEvent> event) {
        switch (event.payload()) {
            case DestinationPublished d ->
                destinations.replaceOne(
                        eq("_id", d.destinationId()),
                        new Document("_id", d.destinationId())
                                .append("members", d.memberStaffIds())
                                .append("tagIds", d.tagIds())
                                .append("channelAccountIds", d.channelAccountIds())
                                .append("servesDirect", d.servesDirectEnquiries())
                                .append("maxWaitMillis", d.maxWait().toMillis()),
                        new ReplaceOptions().upsert(true));
            case DestinationRemoved d -> destinations.deleteOne(eq("_id", d.destinationId()));
            case TagPublished t ->
                tags.replaceOne(
                        eq("_id", t.tagId()),
                        new Document("_id", t.tagId()).append("destinationId", t.destinationId()),
                        new ReplaceOptions().upsert(true));
            case TagRemoved t -> tags.deleteOne(eq("_id", t.tagId()));
        }
    }

    /** enquiry-service follows {@code routing.destination.v1}. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<String, DestinationEvent> destinationWaits(MaxWaits waits) {
            return EventSubscription.on(Topics.ROUTING_DESTINATION, (key, event) -> waits.apply(event));
        }
    }
}
