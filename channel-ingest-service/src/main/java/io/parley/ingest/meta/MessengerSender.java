package io.parley.ingest.meta;

import io.parley.events.Channel;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.TokenTextSender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Messenger's Send API: {@code POST {graph}/{version}/{PAGE_ID}/messages?access_token=PAGE_TOKEN} with
 * {@code messaging_type: RESPONSE} to the conversation's PSID. The channel account id is the page id; its
 * token is the secret {@code pageAccessToken}.
 */
@Component
class MessengerSender extends TokenTextSender {

    static final String TOKEN = "pageAccessToken";

    private final GraphApi graph;

    MessengerSender(GraphApi graph) {
        super(TOKEN);
        this.graph = graph;
    }

    @Override
    public Channel channel() {
        return Channel.FACEBOOK;
    }

    @Override
    protected Outcome sendText(ChannelAccount account, OutboundMessageRequested message, String token, String text) {
        URI uri = URI.create(graph.messagesUri(account, account.id()) + "?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        Map<String, Object> body = Map.of(
                "recipient", Map.of("id", message.conversationKey().externalUserId()),
                "messaging_type", "RESPONSE",
                "message", Map.of("text", text));
        return graph.post(account.id(), uri, null, body, answer -> MetaNotification.text(answer, "message_id"));
    }
}
