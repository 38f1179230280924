package io.parley.routing.destination;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.events.Topics;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.TagRemoved;
import io.parley.kit.kafka.EventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The destinations and tags of routing-service, their single writer. Every save publishes the new
 * snapshot on the compacted {@code routing.destination.v1}, which is how the rest of the suite learns them.
 */
@Component
public class DestinationCatalog {

    private final MongoCollection<Destination> destinations;
    private final MongoCollection<Tag> tags;
    private final EventPublisher events;

    public DestinationCatalog(MongoDatabase database, EventPublisher events) {
        this.destinations = database.getCollection("destinations", Destination.class);
        this.tags = database.getCollection("tags", Tag.class);
        this.events = events;
    }

    public Optional<Destination> destination(String id) {
        return Optional.ofNullable(destinations.find(eq("_id", id)).first());
    }

    public Optional<Tag> tag(String id) {
        return Optional.ofNullable(tags.find(eq("_id", id)).first());
    }

    public List<Destination> destinations() {
        return destinations.find().sort(Sorts.ascending("name")).into(new ArrayList<>());
    }

    public List<Tag> tags() {
        return tags.find().sort(Sorts.ascending("name")).into(new ArrayList<>());
    }

    /** Deletes a destination; its waiting enquiries lose its members' offers and still end at their deadline. */
    public void delete(Destination destination, Instant at) {
        destinations.deleteOne(eq("_id", destination.id()));
        events.publishAndWait(
                Topics.ROUTING_DESTINATION, destination.id(), new DestinationRemoved(destination.id(), at));
    }

    public void delete(Tag tag, Instant at) {
        tags.deleteOne(eq("_id", tag.id()));
        events.publishAndWait(Topics.ROUTING_DESTINATION, tag.id(), new TagRemoved(tag.id(), at));
    }

    public Destination save(Destination destination) {
        destinations.replaceOne(eq("_id", destination.id()), destination, new ReplaceOptions().upsert(true));
        events.publishAndWait(Topics.ROUTING_DESTINATION, destination.id(), destination.snapshot());
        return destination;
    }

    public Tag save(Tag tag) {
        tags.replaceOne(eq("_id", tag.id()), tag, new ReplaceOptions().upsert(true));
        events.publishAndWait(Topics.ROUTING_DESTINATION, tag.id(), tag.snapshot());
        return tag;
    }
}
