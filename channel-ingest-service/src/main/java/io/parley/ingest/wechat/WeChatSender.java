package io.parley.ingest.wechat;

import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.outbound.ChannelSender;
import io.parley.ingest.outbound.DeliveryFailures;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * WeChat's customer-service message API: {@code POST {api}/cgi-bin/message/custom/send?access_token=…} with
 * {@code {"touser": openid, "msgtype": "text", "text": {"content": …}}}. WeChat answers HTTP 200 with {@code
 * {errcode, errmsg}}: 0 is sent; 45015 means the 48-hour window since the customer's last message closed,
 * 43004 and 43019 that the customer does not follow or has blocked the account — all three need a person;
 * 40001, 42001 and 40014 (token invalid or expired) renew the token once and try again, then fail {@code
 * bad-credentials}; anything else is refused with WeChat's errmsg.
 */
@Component
class WeChatSender implements ChannelSender {

    static final int WINDOW_CLOSED = 45015;
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 42001, 40014);
    private static final Set<Integer> NOT_REACHABLE_CUSTOMER = Set.of(43004, 43019);

    private final PlatformHttp http;
    private final WeChatAccessTokens tokens;
    private final WeChatSettings settings;

    WeChatSender(PlatformHttp http, WeChatAccessTokens tokens, WeChatSettings settings) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public Outcome send(ChannelAccount account, OutboundMessageRequested message) {
        String text = message.text();
        if (text == null || text.isBlank()) {
            return new Failed(DeliveryFailures.textOnly());
        }
        String body = PlatformHttp.JSON.writeValueAsString(Map.of(
                "touser", message.conversationKey().externalUserId(),
                "msgtype", "text",
                "text", Map.of("content", text)));
        WeChatAccessTokens.Token token = tokens.current(account);
        if (!(token instanceof WeChatAccessTokens.Issued issued)) {
            return new Failed(failure(token));
        }
        PlatformHttp.Result result = post(account, issued.value(), body);
        if (tokenRefused(result)) {
            WeChatAccessTokens.Token renewed = tokens.renewed(account, issued.value());
            if (!(renewed instanceof WeChatAccessTokens.Issued again)) {
                return new Failed(failure(renewed));
            }
            result = post(account, again.value(), body);
            if (tokenRefused(result)) {
                return new Failed(DeliveryFailures.badCredentials());
            }
        }
        return outcome(result);
    }

    private PlatformHttp.Result post(ChannelAccount account, String token, String body) {
        URI uri = URI.create(PlatformHttp.baseUrl(account, settings.apiBaseUrl())
                + "/cgi-bin/message/custom/send?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return http.exchange(account.id(), () -> http.jsonPost(uri, body).build());
    }

    private static boolean tokenRefused(PlatformHttp.Result result) {
        return result instanceof PlatformHttp.Answered answer
                && answer.ok()
                && TOKEN_REFUSED.contains(answer.json().path("errcode").asInt(0));
    }

    private static Outcome outcome(PlatformHttp.Result result) {
        return switch (result) {
            case PlatformHttp.Unreachable unreachable -> new Failed(DeliveryFailures.unreachable(unreachable.detail()));
            case PlatformHttp.Answered answer
            when !answer.ok() -> new Failed(DeliveryFailures.rejected("HTTP " + answer.status()));
            case PlatformHttp.Answered answer -> answered(answer.json());
        };
    }

    private static Outcome answered(JsonNode json) {
        if (!json.path("errcode").isNumber()) {
            return new Failed(DeliveryFailures.rejected("WeChat's answer has no errcode"));
        }
        int errcode = json.path("errcode").asInt();
        String errmsg = PlatformHttp.text(json, "errmsg");
        String detail = errcode + (errmsg != null ? " " + errmsg : "");
        if (errcode == 0) {
            return new Sent(PlatformHttp.text(json, "msgid"));
        }
        if (errcode == WINDOW_CLOSED) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.WINDOW_CLOSED,
                    "The customer last wrote more than 48 hours ago: the 48-hour window closed (WeChat " + detail + ")",
                    true));
        }
        if (NOT_REACHABLE_CUSTOMER.contains(errcode)) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.BLOCKED,
                    "The customer no longer follows the account or has blocked it (WeChat " + detail + ")",
                    true));
        }
        return new Failed(DeliveryFailures.rejected(detail));
    }

    private static DeliveryFailure failure(WeChatAccessTokens.Token token) {
        return switch (token) {
            case WeChatAccessTokens.Refused refused ->
                new DeliveryFailure(DeliveryFailures.BAD_CREDENTIALS, refused.detail(), true);
            case WeChatAccessTokens.Unavailable unavailable -> DeliveryFailures.unreachable(unavailable.detail());
            case WeChatAccessTokens.Issued issued -> throw new IllegalArgumentException("not a failure");
        };
    }
}
