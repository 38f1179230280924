package io.parley.ingest.woztell;

import io.parley.events.Channel;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.outbound.DeliveryFailures;
import io.parley.ingest.outbound.TokenTextSender;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * WOZTELL's Bot API: {@code POST {api}/sendResponses} with the Bearer access token (secret {@code
 * accessToken}) and {@code {channelId, recipientId, response:[{type:"TEXT", text}]}}. The {@code channelId}
 * is the {@code channel} of the conversation's latest inbound message, else the account's secret {@code
 * channelId}; with neither the message fails {@code not-configured}. An answer with {@code ok: 0} or {@code
 * false} is a refusal even with HTTP 200.
 */
@Component
class WoztellSender extends TokenTextSender {

    static final String TOKEN = "accessToken";
    static final String CHANNEL_ID = "channelId";

    private final PlatformHttp http;
    private final WoztellChannels channels;
    private final WoztellSettings settings;

    WoztellSender(PlatformHttp http, WoztellChannels channels, WoztellSettings settings) {
        super(TOKEN);
        this.http = http;
        this.channels = channels;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.WOZTELL;
    }

    @Override
    protected Outcome sendText(ChannelAccount account, OutboundMessageRequested message, String token, String text) {
        String channelId = channels.of(message.conversationKey())
                .orElseGet(() -> account.secrets().get(CHANNEL_ID));
        if (channelId == null || channelId.isBlank()) {
            return new Failed(DeliveryFailures.notConfigured(
                    "No WOZTELL channel id is known for this conversation: an admin must set the account's channelId"));
        }
        String base = PlatformHttp.baseUrl(account, settings.apiBaseUrl());
        String json = PlatformHttp.JSON.writeValueAsString(Map.of(
                "channelId",
                channelId,
                "recipientId",
                message.conversationKey().externalUserId(),
                "response",
                List.of(Map.of("type", "TEXT", "text", text))));
        URI uri = URI.create(base + "/sendResponses");
        return outcome(http.exchange(
                account.id(),
                () -> http.jsonPost(uri, json)
                        .header("Authorization", "Bearer " + token)
                        .build()));
    }

    private static Outcome outcome(PlatformHttp.Result result) {
        return switch (result) {
            case PlatformHttp.Answered answer
            when answer.status() == 401 || answer.status() == 403 -> new Failed(DeliveryFailures.badCredentials());
            case PlatformHttp.Answered answer
            when answer.ok() && !refused(answer.json()) -> new Sent(messageId(answer.json()));
            case PlatformHttp.Answered answer -> new Failed(DeliveryFailures.rejected(detail(answer)));
            case PlatformHttp.Unreachable unreachable -> new Failed(DeliveryFailures.unreachable(unreachable.detail()));
        };
    }

    private static boolean refused(JsonNode json) {
        JsonNode ok = json.path("ok");
        return (ok.isNumber() && ok.asInt() == 0) || (ok.isBoolean() && !ok.asBoolean());
    }

    private static @Nullable String messageId(JsonNode json) {
        String id = PlatformHttp.text(json, "messageId");
        return id != null ? id : PlatformHttp.text(json.path("result").path(0), "messageId");
    }

    private static String detail(PlatformHttp.Answered answer) {
        JsonNode json = answer.json();
        String error = PlatformHttp.text(json, "error");
        if (error == null) {
            error = PlatformHttp.text(json, "message");
        }
        return error != null ? error : "HTTP " + answer.status();
    }
}
