package io.parley.routing.offer;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.enquiry.TransferTarget;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the router remembers of an enquiry: enough to offer it (again, on a transfer), whom it is offered
 * to now, and where it is in its life.
 *
 * @param phase WAITING (offered, deadline running), SERVED (in a room), FINISHED (accepted-and-closed,
 *     missed or expired; kept a while so a redelivered "opened" does not offer it again)
 * @param excludedStaffId on a transfer, the staff member handing it over (not offered to them)
 * @param transferTarget on a transfer, whom it goes to
 * @param offeredTo the staff members who have it in their Open Enquiry panel now
 * @param finishedAt when it finished, for purging
 */
record RoutedEnquiry(
        String enquiryId,
        ConversationKey conversationKey,
        EnquiryType type,
        Channel channel,
        String channelAccountId,
        EntryPoint entryPoint,
        @Nullable String tagId,
        Customer customer,
        @Nullable String preview,
        Phase phase,
        Instant deadline,
        @Nullable String excludedStaffId,
        @Nullable TransferTarget transferTarget,
        Set<String> offeredTo,
        @Nullable Instant finishedAt) {

    enum Phase {
        WAITING,
        SERVED,
        FINISHED
    }

    static final int PREVIEW_LENGTH = 140;

    RoutedEnquiry {
        offeredTo = offeredTo == null ? Set.of() : Set.copyOf(offeredTo);
    }

    static RoutedEnquiry waiting(EnquiryOpened opened) {
        String text = opened.firstMessage().text();
        String preview = text == null
                ? null
                : text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
        return new RoutedEnquiry(
                opened.enquiryId(),
                opened.conversationKey(),
                opened.type(),
                opened.channel(),
                opened.channelAccountId(),
                opened.entryPoint(),
                opened.tagId(),
                opened.customer(),
                preview,
                Phase.WAITING,
                opened.deadline(),
                null,
                null,
                Set.of(),
                null);
    }

    RoutedEnquiry offeredTo(Set<String> staffIds) {
        return next(type, phase, deadline, excludedStaffId, transferTarget, staffIds, finishedAt);
    }

    RoutedEnquiry served() {
        return next(type, Phase.SERVED, deadline, null, null, Set.of(), null);
    }

    RoutedEnquiry finished(Instant at) {
        return next(type, Phase.FINISHED, deadline, null, null, Set.of(), at);
    }

    RoutedEnquiry transferring(String fromStaffId, TransferTarget target, Instant newDeadline) {
        return next(EnquiryType.TRANSFER, Phase.WAITING, newDeadline, fromStaffId, target, Set.of(), null);
    }

    /** The same enquiry in another part of its life; what it is about never changes. */
    private RoutedEnquiry next(
            EnquiryType nextType,
            Phase nextPhase,
            Instant nextDeadline,
            @Nullable String excluded,
            @Nullable TransferTarget target,
            Set<String> offered,
            @Nullable Instant finished) {
        return new RoutedEnquiry(
                enquiryId,
                conversationKey,
                nextType,
                channel,
                channelAccountId,
                entryPoint,
                tagId,
                customer,
                preview,
                nextPhase,
                nextDeadline,
                excluded,
                target,
                offered,
                finished);
    }
}
