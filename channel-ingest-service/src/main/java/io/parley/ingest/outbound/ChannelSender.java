package io.parley.ingest.outbound;

import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import org.jspecify.annotations.Nullable;

/**
 * One channel's send API, as {@link OutboundDispatcher} uses it: one try per call, never throwing. A try whose
 * failure may pass (connect error, timeout, 429, 5xx) returns {@link DeliveryFailures#unreachable}: the
 * dispatcher then tries again with back-off, through the account's circuit breaker and rate limiter ({@link
 * OutboundResilience}); any other failure is final.
 */
public interface ChannelSender {

    /** The channel whose messages this connector sends. */
    Channel channel();

    /**
     * Tries once to send the message to the customer of its conversation. It may be called again for the same
     * message after a transient failure.
     *
     * @return what the platform said, with a failure the agent can act on
     */
    Outcome send(ChannelAccount account, OutboundMessageRequested message);

    /**
     * Called once when the dispatcher has given up on a message (after its tries, or when the account's
     * circuit breaker or rate limiter kept it from the platform): a channel that keeps undelivered messages
     * (the third party's dead letters) keeps it here.
     *
     * @return the failure to report, which may say what was kept
     */
    default DeliveryFailure undelivered(
            ChannelAccount account, OutboundMessageRequested message, DeliveryFailure failure) {
        return failure;
    }

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
