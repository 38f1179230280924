package io.parley.ingest.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.media.MediaStore;
import io.parley.ingest.media.StoredMedia;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /webhooks/wechat/{accountId}} and WeChat's APIs against a stub: the URL check, plain and safe-mode
 * pushes (encrypted here from the documentation, not with the production class), media kept, the profile
 * fetched, redeliveries once, bad requests (signature, DOCTYPE/XXE, size, age) refused, replies with one
 * cached token, the 48-hour window, an expired token renewed once, and the welcome message.
 */
class WeChatIT extends RunningIngest {

    static final String TOKEN = "wechat-token";
    static final String APP_SECRET = "wechat-app-secret";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final WireMockServer WECHAT = startPlatformStub();

    @Autowired
    MediaStore media;

    @Autowired
    WeChatAccessTokens tokens;

    @Test
    void theUrlCheckEchoesOnlyWithTheAccountsSignature() {
        ChannelAccount account = givenAccount(null, null);
        String timestamp = now();

        HttpResponse<String> good = get(
                "/webhooks/wechat/" + account.id() + "?signature=" + WeChatPlatform.sign(TOKEN, timestamp, "n1")
                        + "&timestamp=" + timestamp + "&nonce=n1&echostr=e-12345",
                null);
        HttpResponse<String> bad = get(
                "/webhooks/wechat/" + account.id() + "?signature=" + WeChatPlatform.sign("other-token", timestamp, "n1")
                        + "&timestamp=" + timestamp + "&nonce=n1&echostr=e-12345",
                null);
        HttpResponse<String> unknown = get(
                "/webhooks/wechat/" + fresh("nobody") + "?signature=" + WeChatPlatform.sign(TOKEN, timestamp, "n1")
                        + "&timestamp=" + timestamp + "&nonce=n1&echostr=e",
                null);

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).isEqualTo("e-12345");
        assertThat(good.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(code(bad)).isEqualTo("webhook.forbidden");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("webhook.unknown-account");
    }

    @Test
    void aPlainTextMessageIsPublishedWithTheCustomersProfile() {
        ChannelAccount account = givenAccount(null, null);
        givenToken(account, "tok-" + UUID.randomUUID());
        WECHAT.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/cgi-bin/user/info"))
                .willReturn(okJson("""
                        {"subscribe":1,"openid":"oUser1","nickname":"Mei","headimgurl":"https://img.example/mei.png"}""")));
        String msgId = msgId();

        HttpResponse<String> answer = postPlain(account, text("oUser1", msgId, "你好, hello"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        InboundMessageReceived message = awaitInbound(account, msgId);
        assertThat(message.conversationKey()).isEqualTo(new ConversationKey(Channel.WECHAT, account.id(), "oUser1"));
        assertThat(message.text()).isEqualTo("你好, hello");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(message.customer().displayName()).isEqualTo("Mei");
        assertThat(message.customer().photoUrl()).isEqualTo("https://img.example/mei.png");
    }

    @Test
    void aSafeModeMessageIsDecryptedAndMustBeForTheAccountsApp() {
        ChannelAccount account = givenAccount(AES_KEY, null);
        String msgId = msgId();
        String inner = text("oSafe", msgId, "encrypted hello");

        HttpResponse<String> accepted =
                postSafe(account, WeChatPlatform.encrypt(AES_KEY, inner, appId(account)), TOKEN);
        HttpResponse<String> otherApp =
                postSafe(account, WeChatPlatform.encrypt(AES_KEY, text("oSafe", msgId(), "x"), "wxother"), TOKEN);
        HttpResponse<String> forged = postSafe(
                account, WeChatPlatform.encrypt(AES_KEY, text("oSafe", msgId(), "x"), appId(account)), "guess");
        HttpResponse<String> plain = postPlain(account, text("oSafe", msgId(), "not encrypted"));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("success");
        assertThat(awaitInbound(account, msgId).text()).isEqualTo("encrypted hello");
        assertThat(otherApp.statusCode()).isEqualTo(400);
        assertThat(code(otherApp)).isEqualTo("webhook.malformed");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("webhook.bad-signature");
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(code(plain)).isEqualTo("webhook.bad-signature");
    }

    @Test
    void anImageIsFetchedAndKeptAndMediaThatCannotBeFetchedIsReferredTo() {
        ChannelAccount account = givenAccount(null, null);
        givenToken(account, "tok-" + UUID.randomUUID());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
        WECHAT.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/cgi-bin/media/get"))
                .withQueryParam("media_id", equalTo("media-ok"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withHeader("Content-Disposition", "attachment; filename=\"photo.png\"")
                        .withBody(png)));
        WECHAT.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/cgi-bin/media/get"))
                .withQueryParam("media_id", equalTo("media-gone"))
                .willReturn(okJson("{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}")));
        String kept = msgId();
        String referred = msgId();

        postPlain(account, media("oPic", kept, "image", "media-ok"));
        postPlain(account, media("oPic", referred, "voice", "media-gone"));

        InboundMessageReceived picture = awaitInbound(account, kept);
        assertThat(picture.text()).isEqualTo("[image]");
        assertThat(picture.attachments()).hasSize(1);
        var attachment = picture.attachments().getFirst();
        assertThat(attachment.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(attachment.mediaType()).isEqualTo("image/png");
        assertThat(attachment.fileName()).isEqualTo("photo.png");
        StoredMedia stored =
                media.byId(MediaStore.idOf(attachment.ref()).orElseThrow()).orElseThrow();
        assertThat(stored.bytes().getData()).isEqualTo(png);
        InboundMessageReceived voice = awaitInbound(account, referred);
        assertThat(voice.attachments().getFirst().ref()).isEqualTo("wechat-media:media-gone");
        assertThat(voice.attachments().getFirst().mediaType()).isEqualTo("audio/amr");
    }

    @Test
    void aRedeliveredMessageIsAnsweredAndPublishedOnce() {
        ChannelAccount account = givenAccount(null, null);
        String msgId = msgId();
        String marker = msgId();

        HttpResponse<String> first = postPlain(account, text("oDup", msgId, "once"));
        HttpResponse<String> again = postPlain(account, text("oDup", msgId, "once"));
        HttpResponse<String> follow = postPlain(account, event("oDup", "subscribe"));
        postPlain(account, text("oDup", marker, "marker"));
        awaitInbound(account, marker);

        assertThat(List.of(first, again, follow))
                .allSatisfy(answer -> assertThat(answer.body()).isEqualTo("success"));
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class,
                        m -> m.channelAccountId().equals(account.id())
                                && m.platformMessageId().equals(msgId)))
                .hasSize(1);
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.channelAccountId().equals(account.id())))
                .hasSize(2);
    }

    @Test
    void badSignatureDoctypeOversizedAndStaleAreRefused() {
        ChannelAccount account = givenAccount(null, null);
        double before = inboundPublished();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1700000000</CreateTime>
                <MsgType>text</MsgType><Content>&secret;</Content><MsgId>%s</MsgId></xml>""".formatted(msgId());
        byte[] large = overOneMebibyte();
        String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());

        HttpResponse<String> forged =
                push(account, text("oX", msgId(), "x").getBytes(StandardCharsets.UTF_8), "other-token", now());
        HttpResponse<String> unsigned = postRaw(
                "/webhooks/wechat/" + account.id(), text("oX", msgId(), "x").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> doctype = postPlain(account, xxe);
        HttpResponse<String> notXml = postPlain(account, "{\"MsgType\":\"text\"}");
        HttpResponse<String> tooLarge = push(account, large, TOKEN, now());
        HttpResponse<String> stale =
                push(account, text("oX", msgId(), "x").getBytes(StandardCharsets.UTF_8), TOKEN, old);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("webhook.bad-signature");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(doctype.statusCode()).isEqualTo(400);
        assertThat(code(doctype)).isEqualTo("webhook.malformed");
        assertThat(doctype.body()).doesNotContain("root:");
        assertThat(notXml.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(code(tooLarge)).isEqualTo("webhook.too-large");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(code(stale)).isEqualTo("webhook.stale");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void repliesGoOutWithOneCachedToken() {
        ChannelAccount account = givenAccount(null, null);
        String token = "tok-" + UUID.randomUUID();
        givenToken(account, token);
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        ConversationKey key = new ConversationKey(Channel.WECHAT, account.id(), "oReply");

        String first = reply(key, "Hello from Parley");
        awaitStatus(first, DeliveryStatus.SENT);
        String second = reply(key, "Anything else?");
        awaitStatus(second, DeliveryStatus.SENT);

        WECHAT.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/stable_token"))
                        .withRequestBody(equalToJson("""
                        {"grant_type":"client_credential","appid":"%s","secret":"%s"}""".formatted(appId(account), APP_SECRET), false, true)));
        WECHAT.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                        .withQueryParam("access_token", equalTo(token))
                        .withRequestBody(equalToJson("""
                        {"touser":"oReply","msgtype":"text","text":{"content":"Hello from Parley"}}""")));
        WECHAT.verify(
                2,
                postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                        .withQueryParam("access_token", equalTo(token)));
    }

    @Test
    void concurrentCallersShareOneTokenFetchAndItIsRenewedBeforeItExpires() throws Exception {
        ChannelAccount account = givenAccount(null, null);
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"tok-short\",\"expires_in\":2}")
                        .withFixedDelay(300)));
        List<Callable<WeChatAccessTokens.Token>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(() -> tokens.current(account));
        }

        List<WeChatAccessTokens.Token> issued;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            issued = pool.invokeAll(callers).stream().map(WeChatIT::result).toList();
        }

        assertThat(issued).containsOnly(new WeChatAccessTokens.Issued("tok-short"));
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/stable_token")));
        // Valid for 2 s, shorter than twice the refresh margin: it is used for half its life, then fetched again.
        await().atMost(WAIT).until(() -> {
            tokens.current(account);
            return WECHAT.findAll(postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/stable_token")))
                            .size()
                    == 2;
        });
    }

    @Test
    void aClosedWindowOrABlockedAccountFailsForAPersonToSee() {
        ChannelAccount account = givenAccount(null, null);
        givenToken(account, "tok-" + UUID.randomUUID());
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .withRequestBody(equalToJson("{\"touser\":\"oLate\"}", true, true))
                .willReturn(okJson(
                        "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}")));
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .withRequestBody(equalToJson("{\"touser\":\"oGone\"}", true, true))
                .willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));

        DeliveryStatusChanged late = awaitStatus(
                reply(new ConversationKey(Channel.WECHAT, account.id(), "oLate"), "too late"), DeliveryStatus.FAILED);
        DeliveryStatusChanged gone = awaitStatus(
                reply(new ConversationKey(Channel.WECHAT, account.id(), "oGone"), "hello?"), DeliveryStatus.FAILED);

        assertThat(late.failure().code()).isEqualTo("window-closed");
        assertThat(late.failure().reason()).contains("the 48-hour window closed");
        assertThat(late.failure().actionRequired()).isTrue();
        assertThat(gone.failure().code()).isEqualTo("blocked");
        assertThat(gone.failure().actionRequired()).isTrue();
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheReplyGoesOut() {
        ChannelAccount account = givenAccount(null, null);
        String scenario = "token-" + account.id();
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/stable_token"))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("renewed")
                .willReturn(okJson("{\"access_token\":\"tok-old\",\"expires_in\":7200}")));
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/stable_token"))
                .inScenario(scenario)
                .whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\":\"tok-new\",\"expires_in\":7200}")));
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", equalTo("tok-old"))
                .willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", equalTo("tok-new"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        String id = reply(new ConversationKey(Channel.WECHAT, account.id(), "oExp"), "after renewal");

        awaitStatus(id, DeliveryStatus.SENT);
        WECHAT.verify(2, postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/stable_token")));
        WECHAT.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                        .withQueryParam("access_token", equalTo("tok-new")));
    }

    @Test
    void aTokenRefusedTwiceFailsWithBadCredentials() {
        ChannelAccount account = givenAccount(null, null);
        givenToken(account, "tok-bad");
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")));

        DeliveryStatusChanged failed = awaitStatus(
                reply(new ConversationKey(Channel.WECHAT, account.id(), "oBad"), "hi"), DeliveryStatus.FAILED);

        assertThat(failed.failure().code()).isEqualTo("bad-credentials");
        assertThat(failed.failure().actionRequired()).isTrue();
        WECHAT.verify(2, postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send")));
    }

    @Test
    void theWelcomeMessageIsSentWhenAnEnquiryOpens() {
        ChannelAccount account = givenAccount(null, "Welcome to our WeChat service!");
        givenToken(account, "tok-" + UUID.randomUUID());
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        ConversationKey key = new ConversationKey(Channel.WECHAT, account.id(), "oNew");
        String enquiryId = "enq-" + UUID.randomUUID();

        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened(enquiryId, key, account));

        awaitStatus("welcome:" + enquiryId, DeliveryStatus.SENT);
        WECHAT.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/cgi-bin/message/custom/send"))
                        .withRequestBody(equalToJson("""
                        {"touser":"oNew","msgtype":"text","text":{"content":"Welcome to our WeChat service!"}}""")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ChannelAccount givenAccount(@Nullable String aesKey, @Nullable String welcome) {
        String id = "wx-" + UUID.randomUUID();
        Map<String, String> secrets = new HashMap<>(Map.of("token", TOKEN, "appSecret", APP_SECRET));
        if (aesKey != null) {
            secrets.put("encodingAesKey", aesKey);
        }
        return givenChannelAccount(
                id,
                Channel.WECHAT,
                "WeChat " + id,
                secrets,
                Map.of("appId", "wx" + id.substring(3, 11)),
                WECHAT.baseUrl() + "/" + id,
                welcome);
    }

    private static String appId(ChannelAccount account) {
        return account.settings().get("appId");
    }

    private static void givenToken(ChannelAccount account, String token) {
        WECHAT.stubFor(post(urlPathEqualTo(base(account) + "/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":7200}")));
    }

    private static String base(ChannelAccount account) {
        return "/" + account.id();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String msgId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    static String text(String openId, String msgId, String content) {
        return """
                <xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
                <CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[%s]]></Content><MsgId>%s</MsgId></xml>""".formatted(openId, content, msgId);
    }

    static String media(String openId, String msgId, String type, String mediaId) {
        return """
                <xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
                <CreateTime>1700000001</CreateTime><MsgType><![CDATA[%s]]></MsgType>
                <PicUrl><![CDATA[https://mmbiz.example/pic]]></PicUrl><MediaId><![CDATA[%s]]></MediaId>
                <Format><![CDATA[amr]]></Format><MsgId>%s</MsgId></xml>""".formatted(openId, type, mediaId, msgId);
    }

    static String event(String openId, String event) {
        return """
                <xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
                <CreateTime>%s</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[%s]]></Event></xml>""".formatted(openId, now(), event);
    }

    private HttpResponse<String> postPlain(ChannelAccount account, String xml) {
        return push(account, xml.getBytes(StandardCharsets.UTF_8), TOKEN, now());
    }

    private HttpResponse<String> push(ChannelAccount account, byte[] body, String token, String timestamp) {
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);
        return postRaw(
                "/webhooks/wechat/" + account.id() + "?signature=" + WeChatPlatform.sign(token, timestamp, nonce)
                        + "&timestamp=" + timestamp + "&nonce=" + nonce + "&openid=o",
                body);
    }

    private HttpResponse<String> postSafe(ChannelAccount account, String encrypted, String token) {
        String timestamp = now();
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);
        String body = "<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        return postRaw(
                "/webhooks/wechat/" + account.id() + "?signature=" + WeChatPlatform.sign(token, timestamp, nonce)
                        + "&timestamp="
                        + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                        + URLEncoder.encode(
                                WeChatPlatform.sign(token, timestamp, nonce, encrypted), StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postRaw(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(WAIT)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
