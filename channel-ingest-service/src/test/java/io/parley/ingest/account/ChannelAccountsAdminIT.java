package io.parley.ingest.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountEvent;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountRemoved;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.connector.Hmac;
import io.parley.testsupport.TopicTap;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/admin/channel-accounts}: ADMIN only; secrets write-only (set, kept when omitted, removed with
 * ""), never in answers or events; each channel's required fields; bad input refused with its code; a
 * removal published; a new account's webhook works at once; the welcome text chosen by tag.
 */
class ChannelAccountsAdminIT extends RunningIngest {

    static final TopicTap<String, ChannelAccountEvent> ACCOUNTS = TopicTap.on(Topics.CHANNEL_ACCOUNT);
    static final TopicTap<ConversationKey, OutboundMessageEvent> OUTBOUND =
            TopicTap.on(Topics.CHANNEL_OUTBOUND_MESSAGE);
    static final String PATH = "/api/admin/channel-accounts/";
    /** Nothing listens here: sends to it fail fast, the requested messages are what the tests read. */
    static final String NOWHERE = "http://127.0.0.1:9";

    @Test
    void anAdminCreatesReadsListsReplacesAndDeletesAnAccount() {
        String id = fresh("acct");
        Map<String, Object> request =
                line("Shop LINE", true, Map.of("channelSecret", "s-1", "channelAccessToken", "t-1"));
        request.put("welcomeMessage", "Hello!");
        request.put("customInfo", List.of(Map.of("label", "Services", "value", "Repairs")));

        HttpResponse<String> created = put(id, request);
        HttpResponse<String> read = get(PATH + id, admin());
        HttpResponse<String> list = get("/api/admin/channel-accounts", admin());
        request.put("name", "Shop LINE 2");
        HttpResponse<String> replaced = put(id, request);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("secretsSet").toString()).isEqualTo("[\"channelAccessToken\",\"channelSecret\"]");
        assertThat(json(read).path("channel").asString()).isEqualTo("LINE");
        assertThat(json(read).path("welcomeMessage").asString()).isEqualTo("Hello!");
        assertThat(json(read).path("customInfo").get(0).path("value").asString())
                .isEqualTo("Repairs");
        assertThat(json(list).findValuesAsString("id")).contains(id);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).path("name").asString()).isEqualTo("Shop LINE 2");
        assertThat(ACCOUNTS.await(
                                ChannelAccountPublished.class,
                                a -> a.accountId().equals(id) && a.name().equals("Shop LINE 2"))
                        .customInfo())
                .extracting(ChannelAccountPublished.CustomInfoField::label)
                .containsExactly("Services");

        assertThat(send("DELETE", PATH + id, admin(), null).statusCode()).isEqualTo(204);
        assertThat(code(get(PATH + id, admin()))).isEqualTo("channel-account.not-found");
        assertThat(accounts.byId(id)).isEmpty();
        ACCOUNTS.await(
                ChannelAccountRemoved.class, removed -> removed.accountId().equals(id));
        assertThat(code(send("DELETE", PATH + id, admin(), null))).isEqualTo("channel-account.not-found");
    }

    @Test
    void secretsAreWriteOnlyKeptWhenOmittedAndRemovedWithAnEmptyValue() {
        String id = fresh("acct");
        String secret = "secret-" + UUID.randomUUID();
        String token = "token-" + UUID.randomUUID();
        String newToken = "token-" + UUID.randomUUID();

        HttpResponse<String> created =
                put(id, line("LINE", true, Map.of("channelSecret", secret, "channelAccessToken", token)));
        HttpResponse<String> rotated = put(id, line("LINE", true, Map.of("channelAccessToken", newToken)));
        HttpResponse<String> omitted = put(id, line("LINE renamed", true, null));
        Map<String, String> remove = new HashMap<>();
        remove.put("channelAccessToken", "");
        HttpResponse<String> removed = put(id, line("LINE off", false, remove));
        HttpResponse<String> read = get(PATH + id, admin());

        assertThat(List.of(created, rotated, omitted, removed, read))
                .allSatisfy(answer -> assertThat(answer.body())
                        .doesNotContain(secret)
                        .doesNotContain(token)
                        .doesNotContain(newToken));
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json(omitted).path("secretsSet").toString()).isEqualTo("[\"channelAccessToken\",\"channelSecret\"]");
        assertThat(json(read).path("secretsSet").toString()).isEqualTo("[\"channelSecret\"]");
        assertThat(accounts.byId(id).orElseThrow().secrets()).isEqualTo(Map.of("channelSecret", secret));
        assertThat(ACCOUNTS.seen(
                        ChannelAccountPublished.class, a -> a.accountId().equals(id)))
                .hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(published -> assertThat(JSON.writeValueAsString(published))
                        .doesNotContain(secret)
                        .doesNotContain(token)
                        .doesNotContain(newToken));
        assertThat(ACCOUNTS.await(
                        ChannelAccountPublished.class, a -> a.accountId().equals(id) && !a.enabled()))
                .isNotNull();
    }

    @Test
    void anEnabledAccountNeedsWhatItsChannelNeeds() {
        HttpResponse<String> wechat =
                put(fresh("wx"), account("WECHAT", true, Map.of("appId", "wx123"), Map.of("token", "t"), null));
        HttpResponse<String> wechatAppIdAsSecret = put(
                fresh("wx"),
                account("WECHAT", true, Map.of(), Map.of("token", "t", "appSecret", "s", "appId", "wx1"), null));
        HttpResponse<String> email = put(
                fresh("mail"),
                account(
                        "EMAIL",
                        true,
                        Map.of("address", "help@example.test", "imapHost", "imap.example.test", "smtpHost", "s"),
                        Map.of("password", "p"),
                        null));
        HttpResponse<String> thirdParty =
                put(fresh("tp"), account("THIRD_PARTY", true, Map.of(), Map.of("secret", "whsec_abc"), null));
        HttpResponse<String> facebook = put(
                fresh("fb"), account("FACEBOOK", true, Map.of(), Map.of("appSecret", "a", "verifyToken", "v"), null));
        HttpResponse<String> disabled =
                put(fresh("wx"), account("WECHAT", false, Map.of(), Map.of("token", "t"), null));
        HttpResponse<String> complete = put(
                fresh("wx"),
                account(
                        "WECHAT",
                        true,
                        Map.of("appId", "wx123"),
                        Map.of(
                                "token",
                                "t",
                                "appSecret",
                                "s",
                                "encodingAesKey",
                                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
                        null));

        assertInvalid(wechat, "secrets.appSecret");
        assertInvalid(wechatAppIdAsSecret, "secrets.appId");
        assertInvalid(email, "settings.imapPort");
        assertInvalid(thirdParty, "platformBaseUrl");
        assertInvalid(facebook, "secrets.pageAccessToken");
        assertThat(disabled.statusCode()).isEqualTo(201);
        assertThat(complete.statusCode()).isEqualTo(201);
        assertThat(json(complete).path("settings").path("appId").asString()).isEqualTo("wx123");
    }

    @Test
    void badInputIsRefusedWithItsCodeAndChangesNothing() {
        String id = fresh("acct");
        String never = fresh("never");
        put(id, line("LINE", true, Map.of("channelSecret", "s", "channelAccessToken", "t")));
        List<Map<String, String>> tooMuchInfo = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMuchInfo.add(Map.of("label", "L" + i, "value", "v"));
        }
        Map<String, Object> manyFields = line("LINE", false, null);
        manyFields.put("customInfo", tooMuchInfo);
        Map<String, Object> ftp = line("LINE", false, null);
        ftp.put("platformBaseUrl", "ftp://files.example.test");

        assertInvalid(put("a.b", line("LINE", false, null)), "id");
        assertInvalid(put("x".repeat(65), line("LINE", false, null)), "id");
        assertInvalid(put(never, account("PIGEON", false, Map.of(), Map.of(), null)), "channel");
        assertInvalid(put(never, account("WEB", false, Map.of(), Map.of(), null)), "channel");
        assertInvalid(put(never, line(" ", false, null)), "name");
        assertInvalid(put(never, line("x".repeat(101), false, null)), "name");
        assertInvalid(put(never, line("LINE", false, Map.of("password", "p"))), "secrets.password");
        assertInvalid(put(never, account("LINE", false, Map.of("imapHost", "h"), Map.of(), null)), "settings");
        assertInvalid(
                put(never, account("EMAIL", false, Map.of("imapPort", "99999"), Map.of(), null)), "settings.imapPort");
        assertInvalid(put(never, manyFields), "customInfo");
        assertInvalid(put(never, ftp), "platformBaseUrl");
        HttpResponse<String> changed = put(id, account("WOZTELL", false, Map.of(), Map.of(), null));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(code(changed)).isEqualTo("channel-account.channel-changed");
        assertThat(code(get(PATH + fresh("none"), admin()))).isEqualTo("channel-account.not-found");
        assertThat(accounts.byId(id).orElseThrow().channel()).isEqualTo(Channel.LINE);
        assertThat(accounts.byId(id).orElseThrow().enabled()).isTrue();
        assertThat(accounts.byId(never)).isEmpty();
    }

    @Test
    void onlyAnAdminMayManageChannelAccounts() {
        String staff = JWKS.token("staff-1", "STAFF");
        String id = fresh("acct");

        HttpResponse<String> list = get("/api/admin/channel-accounts", staff);
        HttpResponse<String> create = send(
                "PUT",
                PATH + id,
                staff,
                body(line("LINE", true, Map.of("channelSecret", "s", "channelAccessToken", "t"))));
        HttpResponse<String> delete = send("DELETE", PATH + id, staff, null);

        assertThat(List.of(list, create, delete)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(code(answer)).isEqualTo("auth.forbidden");
        });
        assertThat(accounts.byId(id)).isEmpty();
        assertThat(get("/api/admin/channel-accounts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aNewAccountsWebhookIsAcceptedWithItsSecretAtOnce() {
        String id = fresh("line");
        String secret = "line-secret-" + UUID.randomUUID();
        put(id, line("New LINE", true, Map.of("channelSecret", secret, "channelAccessToken", "t")));
        String body = """
                {"destination":"U0","events":[{"type":"message","mode":"active","timestamp":1700000000123,
                 "source":{"type":"user","userId":"Unew"},"webhookEventId":"%s","deliveryContext":{"isRedelivery":false},
                 "replyToken":"rt","message":{"id":"m-new","type":"text","text":"Hi"}}]}""".formatted(fresh("ev"));

        HttpResponse<String> forged = postLine(id, body, "not-the-secret");
        HttpResponse<String> accepted = postLine(id, body, secret);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(200);
        InboundMessageReceived message = INBOUND.await(
                InboundMessageReceived.class, m -> m.channelAccountId().equals(id));
        assertThat(message.text()).isEqualTo("Hi");
        assertThat(message.entryPoint().label()).isEqualTo("New LINE");
    }

    @Test
    void theWelcomeIsTheTagsTextWhenTheEnquiryIsAboutATagThatHasOne() {
        String id = fresh("line");
        Map<String, Object> request = line("LINE", true, Map.of("channelSecret", "s", "channelAccessToken", "t"));
        request.put("platformBaseUrl", NOWHERE);
        request.put("welcomeMessage", "Hello, everyone");
        request.put("welcomeByTag", Map.of("sales", "Hello, buyer"));
        put(id, request);
        String aboutSales = fresh("enq");
        String untagged = fresh("enq");

        openEnquiry(aboutSales, id, Channel.LINE, "sales");
        openEnquiry(untagged, id, Channel.LINE, "support");

        assertThat(welcome(aboutSales).text()).isEqualTo("Hello, buyer");
        assertThat(welcome(untagged).text()).isEqualTo("Hello, everyone");
    }

    @Test
    void aThirdPartyAccountWelcomesOnlyWhenItEnablesIt() {
        String silent = fresh("tp");
        String welcoming = fresh("tp");
        for (String id : List.of(silent, welcoming)) {
            Map<String, Object> request = account(
                    "THIRD_PARTY",
                    true,
                    Map.of("welcomeEnabled", id.equals(welcoming) ? "true" : "false"),
                    Map.of("secret", "whsec_ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh"),
                    NOWHERE);
            request.put("welcomeMessage", "Hello from Parley");
            assertThat(put(id, request).statusCode()).isEqualTo(201);
        }
        String first = fresh("enq");
        String second = fresh("enq");
        // One key for both, so the second is handled after the first: once it is welcomed, the first was decided.
        String lifecycleKey = fresh("order");

        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, lifecycleKey, opened(first, silent, Channel.THIRD_PARTY, null));
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE, lifecycleKey, opened(second, welcoming, Channel.THIRD_PARTY, null));

        assertThat(welcome(second).text()).isEqualTo("Hello from Parley");
        assertThat(OUTBOUND.seen(
                        OutboundMessageRequested.class,
                        m -> m.outboundMessageId().equals("welcome:" + first)))
                .isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private HttpResponse<String> put(String id, Map<String, Object> request) {
        return send("PUT", PATH + id, admin(), body(request));
    }

    private static Map<String, Object> line(String name, boolean enabled, @Nullable Map<String, String> secrets) {
        Map<String, Object> request = account("LINE", enabled, Map.of(), secrets, null);
        request.put("name", name);
        return request;
    }

    private static Map<String, Object> account(
            String channel,
            boolean enabled,
            Map<String, String> settings,
            @Nullable Map<String, String> secrets,
            @Nullable String platformBaseUrl) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", channel);
        request.put("name", "Account");
        request.put("enabled", enabled);
        request.put("settings", settings);
        if (secrets != null) {
            request.put("secrets", secrets);
        }
        if (platformBaseUrl != null) {
            request.put("platformBaseUrl", platformBaseUrl);
        }
        return request;
    }

    private static void assertInvalid(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("channel-account.invalid");
        assertThat(json(answer).path("title").asString()).startsWith(field);
    }

    private HttpResponse<String> postLine(String accountId, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/webhooks/line/" + accountId))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .header("x-line-signature", Hmac.base64(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void openEnquiry(String enquiryId, String accountId, Channel channel, @Nullable String tagId) {
        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened(enquiryId, accountId, channel, tagId));
    }

    private static EnquiryOpened opened(String enquiryId, String accountId, Channel channel, @Nullable String tagId) {
        Instant now = Instant.now();
        ConversationKey key = new ConversationKey(channel, accountId, "cust-" + enquiryId);
        return new EnquiryOpened(
                enquiryId,
                key,
                channel,
                accountId,
                EnquiryType.BROADCAST,
                new EntryPoint(EntryPoint.Type.CHANNEL, accountId, null),
                tagId,
                new Customer(key.externalUserId(), null, null, null),
                new CustomerMessage("m-" + enquiryId, "hi", List.of(), now),
                now,
                now.plusSeconds(60));
    }

    private static OutboundMessageRequested welcome(String enquiryId) {
        return OUTBOUND.await(
                OutboundMessageRequested.class, m -> m.outboundMessageId().equals("welcome:" + enquiryId));
    }
}
