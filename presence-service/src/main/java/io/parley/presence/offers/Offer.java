package io.parley.presence.offers;

import io.parley.events.Channel;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.routing.OfferCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** An enquiry offered to one staff member (id {@code staffId/enquiryId}). */
public record Offer(
        String id,
        String staffId,
        String enquiryId,
        EnquiryType type,
        Channel channel,
        EntryPoint entryPoint,
        @Nullable String customerName,
        @Nullable String customerAvatarUrl,
        @Nullable String preview,
        Instant offeredAt,
        Instant expiresAt) {

    static String idOf(String staffId, String enquiryId) {
        return staffId + "/" + enquiryId;
    }

    static Offer of(OfferCreated created) {
        return new Offer(
                idOf(created.staffId(), created.enquiryId()),
                created.staffId(),
                created.enquiryId(),
                created.type(),
                created.channel(),
                created.entryPoint(),
                created.customer() == null ? null : created.customer().displayName(),
                created.customer() == null ? null : created.customer().photoUrl(),
                created.preview(),
                // milliseconds, as the panel has always shown them
                created.offeredAt().truncatedTo(ChronoUnit.MILLIS),
                created.expiresAt().truncatedTo(ChronoUnit.MILLIS));
    }
}
