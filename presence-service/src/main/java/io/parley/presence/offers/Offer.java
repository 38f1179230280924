package io.parley.presence.offers;

import io.parley.events.Channel;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.routing.OfferCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** An enquiry offered to one staff member (collection {@code offers}; id {@code staffId/enquiryId}). */
public record Offer(
        @BsonId String id,
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
                // the store keeps milliseconds: the socket's push and the REST panel show the same instants
                created.offeredAt().truncatedTo(ChronoUnit.MILLIS),
                created.expiresAt().truncatedTo(ChronoUnit.MILLIS));
    }
}
