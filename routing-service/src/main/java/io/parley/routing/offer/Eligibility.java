package io.parley.routing.offer;

import io.parley.events.EnquiryType;
import io.parley.events.enquiry.TransferTarget;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.TagPublished;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who may be offered an enquiry now: staff members who are ACTIVE and below their maximum of concurrent
 * chats, and who are members of a destination serving it — its tag if it has one (Tag Directory,
 * call-to-action, web link), else its channel account; a direct enquiry goes only to its staff member, if a
 * destination serving direct enquiries has them; a transfer goes to its target staff member, or to the
 * destinations serving its target tag, never back to the staff member handing it over.
 */
final class Eligibility {

    /** What the router knows of staff, destinations and tags. */
    interface Directory {

        @Nullable
        StaffStatusChanged staff(String staffId);

        Iterable<DestinationPublished> destinations();

        @Nullable
        TagPublished tag(String tagId);
    }

    private Eligibility() {}

    static Set<String> staffFor(RoutedEnquiry enquiry, Directory directory) {
        Set<String> eligible = new HashSet<>();
        for (String staffId : candidates(enquiry, directory)) {
            if (mayTake(staffId, enquiry, directory)) {
                eligible.add(staffId);
            }
        }
        return eligible;
    }

    /** Whether this one staff member may be offered the enquiry now: {@link #staffFor} for one. */
    static boolean isEligible(String staffId, RoutedEnquiry enquiry, Directory directory) {
        return mayTake(staffId, enquiry, directory)
                && candidates(enquiry, directory).contains(staffId);
    }

    /** Whether a staff member (null: unknown or removed) may be offered anything at all now. */
    static boolean canTakeMore(@Nullable StaffStatusChanged staff) {
        return staff != null && staff.canTakeMore();
    }

    private static boolean mayTake(String staffId, RoutedEnquiry enquiry, Directory directory) {
        return canTakeMore(directory.staff(staffId)) && !staffId.equals(enquiry.excludedStaffId());
    }

    private static Set<String> candidates(RoutedEnquiry enquiry, Directory directory) {
        TransferTarget target = enquiry.transferTarget();
        if (enquiry.type() == EnquiryType.TRANSFER && target != null) {
            return switch (target.kind()) {
                case STAFF -> Set.of(target.id());
                case TAG -> membersServingTag(target.id(), directory);
            };
        }
        if (enquiry.type() == EnquiryType.DIRECT || enquiry.entryPoint().isDirect()) {
            String staffId = enquiry.entryPoint().id();
            return members(
                                    directory,
                                    d -> d.servesDirectEnquiries()
                                            && d.memberStaffIds().contains(staffId))
                            .contains(staffId)
                    ? Set.of(staffId)
                    : Set.of();
        }
        if (enquiry.tagId() != null) {
            return membersServingTag(enquiry.tagId(), directory);
        }
        return members(directory, d -> d.channelAccountIds().contains(enquiry.channelAccountId()));
    }

    private static Set<String> membersServingTag(String tagId, Directory directory) {
        TagPublished tag = directory.tag(tagId);
        String tagDestination = tag == null ? null : tag.destinationId();
        return members(
                directory, d -> d.tagIds().contains(tagId) || d.destinationId().equals(tagDestination));
    }

    private static Set<String> members(Directory directory, Function<DestinationPublished, Boolean> serves) {
        Set<String> members = new HashSet<>();
        for (DestinationPublished destination : directory.destinations()) {
            if (serves.apply(destination)) {
                members.addAll(destination.memberStaffIds());
            }
        }
        return members;
    }
}
