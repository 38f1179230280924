package io.parley.chatroom.room;

import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One message of a room's transcript.
 *
 * @param enquiryId the transcript (room) it belongs to
 * @param seq its place in the room: 1, 2, 3… with no gap
 * @param dedupeKey unique within the room: {@code p:<platform message id>} for a customer's message, so a
 *     redelivery finds the stored one; {@code m:<message id>} or a fixed key for the others
 * @param status for a staff message, how far its delivery to the customer got; null for the others
 * @param failure why its delivery failed, when {@code status} is FAILED
 */
public record RoomMessage(
        @BsonId String messageId,
        String enquiryId,
        long seq,
        String dedupeKey,
        Sender sender,
        @Nullable String text,
        List<AttachmentRef> attachments,
        Instant sentAt,
        @Nullable DeliveryStatus status,
        @Nullable DeliveryFailure failure) {

    public RoomMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    RoomMessage withSeq(long next) {
        return new RoomMessage(
                messageId, enquiryId, next, dedupeKey, sender, text, attachments, sentAt, status, failure);
    }
}
