package io.parley.events.enquiry;

import io.parley.events.ConversationKey;

/**
 * Topic {@code enquiry.lifecycle.v1} (keyed by enquiry id): every transition of an enquiry, written only by
 * enquiry-service.
 */
public sealed interface EnquiryEvent
        permits EnquiryOpened,
                EnquiryMessageAdded,
                EnquiryAccepted,
                EnquiryMissed,
                EnquiryFollowedUp,
                EnquiryTransferRequested,
                EnquiryTransferFailed,
                EnquiryClosed {

    String enquiryId();

    ConversationKey conversationKey();
}
