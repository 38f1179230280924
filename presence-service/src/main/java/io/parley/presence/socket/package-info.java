/**
 * The agent socket {@code /ws/agent}: authenticated and origin-checked; it pushes the staff member's status
 * and Open Enquiry panel as they change, and counts the staff member's connection for availability.
 */
@NullMarked
package io.parley.presence.socket;

import org.jspecify.annotations.NullMarked;
