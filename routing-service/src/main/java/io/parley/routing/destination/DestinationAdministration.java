package io.parley.routing.destination;

import io.parley.events.routing.DistributionMethod;
import io.parley.kit.web.Problem;
import io.parley.routing.directory.Directory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The rules of destinations and tags: every staff member, tag and channel account a destination names
 * must exist; only simultaneous distribution is implemented; a destination waits 10 s to 1 h; a tag's
 * destination must exist, and a tag given a destination is served by it. Bad input changes nothing.
 */
@Service
public class DestinationAdministration {

    static final long MIN_WAIT_SECONDS = 10;
    static final long MAX_WAIT_SECONDS = 3600;

    private final DestinationCatalog catalog;
    private final Directory.Staff staff;
    private final Directory.ChannelAccounts channelAccounts;
    private final Clock clock;

    DestinationAdministration(
            DestinationCatalog catalog, Directory.Staff staff, Directory.ChannelAccounts channelAccounts, Clock clock) {
        this.catalog = catalog;
        this.staff = staff;
        this.channelAccounts = channelAccounts;
        this.clock = clock;
    }

    Destination destination(String id) {
        return catalog.destination(id)
                .orElseThrow(() -> Problem.notFound("destination.not-found", "No destination " + id));
    }

    Tag tag(String id) {
        return catalog.tag(id).orElseThrow(() -> Problem.notFound("tag.not-found", "No tag " + id));
    }

    Destination create(DestinationRequest request) {
        return catalog.save(valid("dest-" + shortId(), request));
    }

    Destination update(String id, DestinationRequest request) {
        destination(id);
        return catalog.save(valid(id, request));
    }

    void delete(String id) {
        catalog.delete(destination(id), clock.instant());
    }

    Tag create(TagRequest request) {
        return saveTag("tag-" + shortId(), request);
    }

    Tag update(String id, TagRequest request) {
        tag(id);
        return saveTag(id, request);
    }

    void deleteTag(String id) {
        Tag tag = tag(id);
        for (Destination destination : catalog.destinations()) {
            if (destination.tagIds().contains(id)) {
                List<String> tags = new ArrayList<>(destination.tagIds());
                tags.remove(id);
                catalog.save(withTags(destination, tags));
            }
        }
        catalog.delete(tag, clock.instant());
    }

    private Destination valid(String id, DestinationRequest request) {
        DistributionMethod distribution =
                request.distribution() == null ? DistributionMethod.SIMULTANEOUS : request.distribution();
        if (distribution != DistributionMethod.SIMULTANEOUS) {
            throw Problem.badRequest(
                    "destination.distribution-unsupported", "Only SIMULTANEOUS distribution is available so far");
        }
        long maxWait = request.maxWaitSeconds() == null
                ? DestinationRequest.DEFAULT_MAX_WAIT_SECONDS
                : request.maxWaitSeconds();
        if (maxWait < MIN_WAIT_SECONDS || maxWait > MAX_WAIT_SECONDS) {
            throw Problem.badRequest(
                    "destination.invalid-max-wait",
                    "The maximum waiting time must be between " + MIN_WAIT_SECONDS + " and " + MAX_WAIT_SECONDS
                            + " seconds");
        }
        List<String> members = distinct(request.members());
        List<String> unknownStaff = staff.ids().unknownAmong(members);
        if (!unknownStaff.isEmpty()) {
            throw Problem.badRequest(
                    "destination.unknown-staff", "No such staff member: " + String.join(", ", unknownStaff));
        }
        List<String> tags = distinct(request.tags());
        List<String> unknownTags =
                tags.stream().filter(tag -> catalog.tag(tag).isEmpty()).toList();
        if (!unknownTags.isEmpty()) {
            throw Problem.badRequest("destination.unknown-tag", "No such tag: " + String.join(", ", unknownTags));
        }
        List<String> accounts = distinct(request.channelAccounts());
        List<String> unknownAccounts = channelAccounts.ids().unknownAmong(accounts);
        if (!unknownAccounts.isEmpty()) {
            throw Problem.badRequest(
                    "destination.unknown-channel-account",
                    "No such channel account: " + String.join(", ", unknownAccounts));
        }
        return new Destination(
                id,
                request.name().strip(),
                members,
                tags,
                accounts,
                request.servesDirect(),
                distribution,
                maxWait,
                clock.instant());
    }

    private Tag saveTag(String id, TagRequest request) {
        Destination destination = null;
        if (request.destinationId() != null) {
            destination = catalog.destination(request.destinationId())
                    .orElseThrow(() -> new Problem(
                            HttpStatus.BAD_REQUEST,
                            "tag.unknown-destination",
                            "No destination " + request.destinationId()));
        }
        Tag tag = catalog.save(new Tag(
                id,
                request.name().strip(),
                request.description(),
                request.photoUrl(),
                request.destinationId(),
                clock.instant()));
        if (destination != null && !destination.tagIds().contains(id)) {
            List<String> tags = new ArrayList<>(destination.tagIds());
            tags.add(id);
            catalog.save(withTags(destination, tags));
        }
        return tag;
    }

    private Destination withTags(Destination destination, List<String> tags) {
        return new Destination(
                destination.id(),
                destination.name(),
                destination.memberStaffIds(),
                tags,
                destination.channelAccountIds(),
                destination.servesDirectEnquiries(),
                destination.distribution(),
                destination.maxWaitSeconds(),
                clock.instant());
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
