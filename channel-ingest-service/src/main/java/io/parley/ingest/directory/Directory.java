package io.parley.ingest.directory;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Envelope;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tags, destinations and staff the web channel shows visitors, kept from {@code routing.destination.v1}
 * and {@code presence.staff-status.v1}. Every write is an upsert that only replaces an older snapshot, so a
 * redelivered or late event changes nothing; removals are kept as tombstones for the same reason.
 */
@Component
public class Directory {

    private final MongoCollection<KnownTag> tags;
    private final MongoCollection<KnownDestination> destinations;
    private final MongoCollection<KnownStaff> staff;

    public Directory(MongoDatabase database) {
        this.tags = database.getCollection("directory_tags", KnownTag.class);
        this.destinations = database.getCollection("directory_destinations", KnownDestination.class);
        this.staff = database.getCollection("directory_staff", KnownStaff.class);
    }

    /** The tag, unless it is unknown or was removed. */
    public Optional<KnownTag> tag(String tagId) {
        return Optional.ofNullable(
                tags.find(and(eq("_id", tagId), eq("removed", false))).first());
    }

    /** The known tags among these ids, in the order given. */
    public List<KnownTag> tags(List<String> tagIds) {
        Map<String, KnownTag> found = new HashMap<>();
        tags.find(and(in("_id", tagIds), eq("removed", false))).forEach(tag -> found.put(tag.id(), tag));
        return tagIds.stream()
                .distinct()
                .map(found::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** A staff member presence has published, unless removed. */
    public Optional<KnownStaff> staff(String staffId) {
        return Optional.ofNullable(
                staff.find(and(eq("_id", staffId), eq("removed", false))).first());
    }

    /** The Staff Directory: known members of every destination that serves direct enquiries, by name. */
    public List<KnownStaff> directStaff() {
        Set<String> members = new LinkedHashSet<>();
        destinations
                .find(and(eq("servesDirectEnquiries", true), eq("removed", false)))
                .forEach(destination -> members.addAll(destination.memberStaffIds()));
        if (members.isEmpty()) {
            return List.of();
        }
        List<KnownStaff> found = new ArrayList<>();
        staff.find(and(in("_id", members), eq("removed", false))).into(found);
        found.sort(Comparator.comparing(KnownStaff::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(KnownStaff::id));
        return found;
    }

    /** A staff member of the Staff Directory, if they are in it. */
    public Optional<KnownStaff> directStaff(String staffId) {
        return directStaff().stream().filter(s -> s.id().equals(staffId)).findFirst();
    }

    void followRouting(String key, Envelope<DestinationEvent> event) {
        Instant at = event.occurredAt();
        switch (event.payload()) {
            case TagPublished tag ->
                keepIfNewer(
                        tags,
                        tag.tagId(),
                        new KnownTag(
                                tag.tagId(),
                                tag.name(),
                                tag.description(),
                                tag.photoUrl(),
                                false,
                                orElse(tag.updatedAt(), at)));
            case TagRemoved removed ->
                keepIfNewer(
                        tags,
                        removed.tagId(),
                        new KnownTag(
                                removed.tagId(), removed.tagId(), null, null, true, orElse(removed.removedAt(), at)));
            case DestinationPublished destination ->
                keepIfNewer(
                        destinations,
                        destination.destinationId(),
                        new KnownDestination(
                                destination.destinationId(),
                                destination.memberStaffIds(),
                                destination.servesDirectEnquiries(),
                                false,
                                orElse(destination.updatedAt(), at)));
            case DestinationRemoved removed ->
                keepIfNewer(
                        destinations,
                        removed.destinationId(),
                        new KnownDestination(
                                removed.destinationId(), List.of(), false, true, orElse(removed.removedAt(), at)));
        }
    }

    void followPresence(String key, Envelope<StaffStatusEvent> event) {
        Instant at = event.occurredAt();
        switch (event.payload()) {
            case StaffStatusChanged status ->
                keepIfNewer(
                        staff,
                        status.staffId(),
                        new KnownStaff(
                                status.staffId(),
                                status.displayName(),
                                status.photoUrl(),
                                status.status(),
                                status.maxConcurrentChats(),
                                status.activeChats(),
                                false,
                                orElse(status.changedAt(), at)));
            case StaffRemoved removed ->
                keepIfNewer(
                        staff,
                        removed.staffId(),
                        new KnownStaff(
                                removed.staffId(),
                                removed.staffId(),
                                null,
                                Availability.OFFLINE,
                                0,
                                0,
                                true,
                                orElse(removed.removedAt(), at)));
        }
    }

    private static <T> void keepIfNewer(MongoCollection<T> collection, String id, T snapshot) {
        Instant updatedAt = updatedAtOf(snapshot);
        Bson olderOrSame = and(eq("_id", id), lte("updatedAt", updatedAt));
        try {
            collection.replaceOne(olderOrSame, snapshot, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert met a newer snapshot under the same id: it stays.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static Instant updatedAtOf(Object snapshot) {
        return switch (snapshot) {
            case KnownTag tag -> tag.updatedAt();
            case KnownDestination destination -> destination.updatedAt();
            case KnownStaff member -> member.updatedAt();
            default -> throw new IllegalArgumentException("not a directory snapshot: " + snapshot);
        };
    }

    private static Instant orElse(@Nullable Instant value, Instant fallback) {
        return value == null ? fallback : value;
    }
}
