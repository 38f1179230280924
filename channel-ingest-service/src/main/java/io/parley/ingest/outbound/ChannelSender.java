package io.parley.ingest.outbound;

import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import org.jspecify.annotations.Nullable;

/** One channel's send API, as {@link OutboundDispatcher} uses it: one call per message, never throwing. */
public interface ChannelSender {

    /** The channel whose messages this connector sends. */
    Channel channel();

    /**
     * Sends the message to the customer of its conversation, retrying transient errors within the call.
     *
     * @return what the platform said, with a failure the agent can act on
     */
    Outcome send(ChannelAccount account, OutboundMessageRequested message);

    /** The platform took the message ({@link Sent}) or it did not ({@link Failed}). */
    sealed interface Outcome permits Sent, Failed {}

    /**
     * The platform accepted the message.
     *
     * @param platformMessageId the platform's id of the sent message, which its statuses refer to (null
     *     only when the platform's answer named none)
     */
    record Sent(@Nullable String platformMessageId) implements Outcome {}

    record Failed(DeliveryFailure failure) implements Outcome {}
}
