package io.parley.events.enquiry;

import io.parley.events.AttachmentRef;
import io.parley.events.Lists;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A message from the customer as it joins an enquiry's transcript. */
public record CustomerMessage(
        String platformMessageId, @Nullable String text, List<AttachmentRef> attachments, Instant sentAt) {

    public CustomerMessage {
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        Objects.requireNonNull(sentAt, "sentAt");
        attachments = Lists.copyOrEmpty(attachments);
    }
}
