package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * WeChat's API for the demo account, answering as WeChat does (HTTP 200, an {@code errcode} in the body):
 * {@code POST /simulator/cgi-bin/stable_token} gives an access token for the demo app id and secret, {@code
 * POST /simulator/cgi-bin/message/custom/send?access_token=} takes a text to a follower, and {@code GET
 * /simulator/cgi-bin/user/info?access_token=&openid=} tells the follower's nickname (the name they write
 * under on the page). A token it did not give out is {@code 40001}.
 */
@RestController
class WeChatStandIn {

    static final int EXPIRES_IN = 7200;

    private final DemoAccounts demoAccounts;
    private final Transcripts transcripts;
    private final Clock clock;
    private final Bounded<String, String> tokens = new Bounded<>(100);

    WeChatStandIn(DemoAccounts demoAccounts, Transcripts transcripts, Clock clock) {
        this.demoAccounts = demoAccounts;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @PostMapping("/simulator/cgi-bin/stable_token")
    Map<String, Object> token(HttpServletRequest request) {
        JsonNode body = RequestBodies.json(request);
        Optional<ChannelAccount> account = demoAccounts.of(Channel.WECHAT);
        if (account.isEmpty()
                || !Credentials.same(WeChatCustomer.appId(account.get()), PlatformHttp.text(body, "appid"))) {
            return error(40013, "invalid appid");
        }
        if (!Credentials.same(account.get().secrets().get("appSecret"), PlatformHttp.text(body, "secret"))) {
            return error(40125, "invalid appsecret");
        }
        String token = "sim-wechat-" + UUID.randomUUID();
        synchronized (tokens) {
            tokens.put(token, account.get().id());
        }
        return Map.of("access_token", token, "expires_in", EXPIRES_IN);
    }

    @PostMapping("/simulator/cgi-bin/message/custom/send")
    Map<String, Object> send(
            @RequestParam(name = "access_token", required = false) @Nullable String token, HttpServletRequest request) {
        Optional<ChannelAccount> account = account(token);
        if (account.isEmpty()) {
            return invalidToken();
        }
        JsonNode body = RequestBodies.json(request);
        String openId = PlatformHttp.text(body, "touser");
        String text = PlatformHttp.text(body.path("text"), "content");
        if (openId == null || !SimulatedCustomer.validId(openId)) {
            return error(40003, "invalid openid");
        }
        if (!"text".equals(PlatformHttp.text(body, "msgtype")) || text == null) {
            return error(40008, "invalid message type: the simulator takes text");
        }
        transcripts.businessSent(account.get().id(), openId, text, clock.instant(), "sim-" + UUID.randomUUID());
        return error(0, "ok");
    }

    @GetMapping("/simulator/cgi-bin/user/info")
    Map<String, Object> userInfo(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String openid) {
        Optional<ChannelAccount> account = account(token);
        if (account.isEmpty()) {
            return invalidToken();
        }
        if (openid == null || !SimulatedCustomer.validId(openid)) {
            return error(40003, "invalid openid");
        }
        String nickname = transcripts.customerName(account.get().id(), openid).orElse("");
        return Map.of("subscribe", 1, "openid", openid, "nickname", nickname, "headimgurl", "");
    }

    private Optional<ChannelAccount> account(@Nullable String token) {
        String accountId;
        synchronized (tokens) {
            accountId = token == null ? null : tokens.get(token);
        }
        return accountId == null ? Optional.empty() : demoAccounts.of(Channel.WECHAT);
    }

    private static Map<String, Object> invalidToken() {
        return error(40001, "invalid credential, access_token is invalid or not latest");
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("errcode", code, "errmsg", message);
    }
}
