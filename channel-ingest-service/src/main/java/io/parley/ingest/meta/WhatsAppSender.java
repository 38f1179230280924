package io.parley.ingest.meta;

import io.parley.events.Channel;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.TokenTextSender;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp Cloud API: {@code POST {graph}/{version}/{PHONE_NUMBER_ID}/messages} with the Bearer token
 * (secret {@code accessToken}) and {@code messaging_product: whatsapp}, a text to the conversation's wa_id.
 * The channel account id is the phone number id.
 */
@Component
class WhatsAppSender extends TokenTextSender {

    static final String TOKEN = "accessToken";

    private final GraphApi graph;

    WhatsAppSender(GraphApi graph) {
        super(TOKEN);
        this.graph = graph;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    protected Outcome sendText(ChannelAccount account, OutboundMessageRequested message, String token, String text) {
        Map<String, Object> body = Map.of(
                "messaging_product",
                "whatsapp",
                "to",
                message.conversationKey().externalUserId(),
                "type",
                "text",
                "text",
                Map.of("body", text));
        return graph.post(
                account.id(),
                graph.messagesUri(account, account.id()),
                token,
                body,
                answer -> MetaNotification.text(answer.path("messages").path(0), "id"));
    }
}
