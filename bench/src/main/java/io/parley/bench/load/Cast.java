package io.parley.bench.load;

import java.net.http.WebSocket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who takes part in a load run: the staff members with their sockets, and the destinations they serve. */
final class Cast {

    private Cast() {}

    /** A signed-in staff member with an agent socket (offers) and a room socket (transcripts). */
    record StaffMember(int index, String id, String token, WebSocket agent, WebSocket rooms) {}

    /**
     * A destination of the benchmark and how its conversations arrive.
     *
     * @param channel the messaging channel whose demo account it serves, or null for the web widget
     * @param tagId the widget tag that routes web conversations here, or null when it serves no web
     */
    record Route(
            String name,
            Webhooks.@Nullable Channel channel,
            @Nullable String tagId,
            List<StaffMember> members) {
        String label() {
            return channel == null ? "web" : channel.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
