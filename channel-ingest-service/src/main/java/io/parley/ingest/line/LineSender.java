package io.parley.ingest.line;

import io.parley.events.Channel;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.outbound.DeliveryFailures;
import io.parley.ingest.outbound.TokenTextSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * LINE's send API with the Bearer channel access token (secret {@code channelAccessToken}): {@code POST
 * {api}/v2/bot/message/reply} with the conversation's reply token while it is fresh (free of charge), else
 * — or when LINE refuses the token — {@code POST {api}/v2/bot/message/push} to the user with {@code
 * X-Line-Retry-Key}, a UUID derived from our outbound message id, so a retried push is not delivered twice
 * (LINE answers 409 to a key it has accepted: the message went out).
 */
@Component
class LineSender extends TokenTextSender {

    static final String TOKEN = "channelAccessToken";

    private final PlatformHttp http;
    private final LineReplyTokens replyTokens;
    private final LineSettings settings;
    private final Clock clock;

    LineSender(PlatformHttp http, LineReplyTokens replyTokens, LineSettings settings, Clock clock) {
        super(TOKEN);
        this.http = http;
        this.replyTokens = replyTokens;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LINE;
    }

    @Override
    protected Outcome sendText(ChannelAccount account, OutboundMessageRequested message, String token, String text) {
        List<Map<String, String>> messages = List.of(Map.of("type", "text", "text", text));
        String base = PlatformHttp.baseUrl(account, settings.apiBaseUrl());
        var replyToken =
                replyTokens.take(message.conversationKey(), clock.instant().minus(settings.replyTokenLifetime()));
        if (replyToken.isPresent()) {
            PlatformHttp.Result reply = call(
                    account,
                    URI.create(base + "/v2/bot/message/reply"),
                    token,
                    null,
                    Map.of("replyToken", replyToken.get(), "messages", messages));
            if (!(reply instanceof PlatformHttp.Answered answer && answer.status() == 400)) {
                return outcome(reply);
            }
            // An expired or used token: push instead.
        }
        String retryKey = UUID.nameUUIDFromBytes(message.outboundMessageId().getBytes(StandardCharsets.UTF_8))
                .toString();
        PlatformHttp.Result push = call(
                account,
                URI.create(base + "/v2/bot/message/push"),
                token,
                retryKey,
                Map.of("to", message.conversationKey().externalUserId(), "messages", messages));
        if (push instanceof PlatformHttp.Answered answer && answer.status() == 409) {
            return new Sent(null);
        }
        return outcome(push);
    }

    private PlatformHttp.Result call(
            ChannelAccount account, URI uri, String token, @Nullable String retryKey, Map<String, Object> body) {
        String json = PlatformHttp.JSON.writeValueAsString(body);
        return http.exchange(account.id(), () -> {
            var request = http.jsonPost(uri, json).header("Authorization", "Bearer " + token);
            if (retryKey != null) {
                request.header("X-Line-Retry-Key", retryKey);
            }
            return request.build();
        });
    }

    private static Outcome outcome(PlatformHttp.Result result) {
        return switch (result) {
            case PlatformHttp.Answered answer
            when answer.ok() ->
                new Sent(PlatformHttp.text(answer.json().path("sentMessages").path(0), "id"));
            case PlatformHttp.Answered answer
            when answer.status() == 401 -> new Failed(DeliveryFailures.badCredentials());
            case PlatformHttp.Answered answer -> new Failed(DeliveryFailures.rejected(message(answer)));
            case PlatformHttp.Unreachable unreachable -> new Failed(DeliveryFailures.unreachable(unreachable.detail()));
        };
    }

    private static String message(PlatformHttp.Answered answer) {
        JsonNode json = answer.json();
        String text = PlatformHttp.text(json, "message");
        return text != null ? text : "HTTP " + answer.status();
    }
}
