package io.parley.ingest.outbound;

import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;

/**
 * A channel whose send API takes text with an access token kept among the account's secrets. A message
 * without text (attachments are not sent yet) or an account without its token fails at once, with the code
 * that tells the agent what to do, before any call to the platform.
 */
public abstract class TokenTextSender implements ChannelSender {

    private final String tokenSecret;

    protected TokenTextSender(String tokenSecret) {
        this.tokenSecret = tokenSecret;
    }

    @Override
    public final Outcome send(ChannelAccount account, OutboundMessageRequested message) {
        String token = account.secrets().get(tokenSecret);
        if (token == null || token.isBlank()) {
            return new Failed(DeliveryFailures.noToken());
        }
        String text = message.text();
        if (text == null || text.isBlank()) {
            return new Failed(DeliveryFailures.textOnly());
        }
        return sendText(account, message, token, text);
    }

    /** Sends {@code text} with the account's {@code token}; both are present. */
    protected abstract Outcome sendText(
            ChannelAccount account, OutboundMessageRequested message, String token, String text);
}
