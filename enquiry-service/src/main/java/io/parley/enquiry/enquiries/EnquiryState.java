package io.parley.enquiry.enquiries;

/**
 * OPEN → ONGOING (accepted) → CLOSED, and OPEN → MISSED (deadline) → FOLLOWED_UP → CLOSED. Every transition
 * is one conditional update on the enquiry's document.
 */
public enum EnquiryState {
    OPEN,
    ONGOING,
    MISSED,
    FOLLOWED_UP,
    CLOSED;

    /** Whether the enquiry is being served in a room. */
    public boolean live() {
        return this == ONGOING || this == FOLLOWED_UP;
    }
}
