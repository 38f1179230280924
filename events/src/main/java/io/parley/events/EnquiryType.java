package io.parley.events;

/**
 * How an enquiry is offered: to every eligible staff member at once (tag, call-to-action, channel), to one
 * staff member (Staff Directory), or to the target of a transfer.
 */
public enum EnquiryType {
    BROADCAST,
    DIRECT,
    TRANSFER
}
