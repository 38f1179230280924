package io.parley.enquiry.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.Enquiry;
import io.parley.enquiry.enquiries.EnquiryState;
import io.parley.events.Channel;
import io.parley.kit.auth.StaffRoles;
import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/enquiries}: filters by state, channel, staff member and time of opening; newest first;
 * paged. Staff see open and missed enquiries (to take them up) and the ones they served; supervisors and
 * admins see everything.
 */
@RestController
class EnquiryHistoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final Enquiries enquiries;

    EnquiryHistoryController(Enquiries enquiries) {
        this.enquiries = enquiries;
    }

    /** One page of the history. */
    record Page(List<EnquiryView> items, int page, int size, boolean hasMore) {}

    /** An enquiry as the history shows it (its internal outbox is not shown). */
    record EnquiryView(
            String id,
            String conversationKey,
            io.parley.events.Channel channel,
            String channelAccountId,
            io.parley.events.EnquiryType type,
            io.parley.events.EntryPoint entryPoint,
            @Nullable String tagId,
            io.parley.events.Customer customer,
            @Nullable String preview,
            EnquiryState state,
            Instant openedAt,
            Instant deadline,
            List<String> offeredTo,
            @Nullable String staffId,
            @Nullable String roomId,
            @Nullable Instant acceptedAt,
            @Nullable Instant missedAt,
            @Nullable Instant followedUpAt,
            @Nullable Instant closedAt,
            @Nullable String closedBy) {

        static EnquiryView of(Enquiry e) {
            return new EnquiryView(
                    e.id(),
                    e.conversationKey(),
                    e.channel(),
                    e.channelAccountId(),
                    e.type(),
                    e.entryPoint(),
                    e.tagId(),
                    e.customer(),
                    e.preview(),
                    e.state(),
                    e.openedAt(),
                    e.deadline(),
                    e.offeredTo(),
                    e.staffId(),
                    e.roomId(),
                    e.acceptedAt(),
                    e.missedAt(),
                    e.followedUpAt(),
                    e.closedAt(),
                    e.closedBy());
        }
    }

    @GetMapping("/api/enquiries")
    Page history(
            StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String staffId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problem.badRequest("request.invalid", "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        List<Bson> filters = new ArrayList<>();
        EnquiryState wanted = state == null ? null : parse(EnquiryState.class, state, "enquiry.unknown-state");
        if (wanted != null) {
            filters.add(eq("state", wanted.name()));
        }
        if (channel != null) {
            filters.add(eq(
                    "channel",
                    parse(Channel.class, channel, "enquiry.unknown-channel").name()));
        }
        String servedBy = servedBy(staff, wanted, staffId);
        if (servedBy != null) {
            filters.add(eq("staffId", servedBy));
        }
        if (from != null) {
            filters.add(gte("openedAt", instant(from)));
        }
        if (to != null) {
            filters.add(lt("openedAt", instant(to)));
        }
        Bson filter = filters.isEmpty() ? new org.bson.Document() : and(filters);
        List<Enquiry> found = enquiries.find(filter, page * size, size + 1);
        boolean hasMore = found.size() > size;
        List<EnquiryView> items = (hasMore ? found.subList(0, size) : found)
                .stream().map(EnquiryView::of).toList();
        return new Page(items, page, size, hasMore);
    }

    /** Overseers filter as they like; staff see every waiting or missed enquiry, otherwise only their own. */
    private static @Nullable String servedBy(
            StaffPrincipal staff, @Nullable EnquiryState wanted, @Nullable String staffId) {
        if (staff.hasAnyRole(StaffRoles.ADMIN, StaffRoles.SUPERVISOR)) {
            return staffId;
        }
        if (wanted == EnquiryState.OPEN || wanted == EnquiryState.MISSED) {
            return null;
        }
        return staff.staffId();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(code, "Unknown " + type.getSimpleName() + " '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("request.invalid", "Times are ISO-8601 instants, e.g. 2026-11-24T09:00:00Z");
        }
    }
}
