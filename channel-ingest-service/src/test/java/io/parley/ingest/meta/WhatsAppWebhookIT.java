package io.parley.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/whatsapp}: the handshake, text and media messages normalised to inbound messages keyed
 * {@code whatsapp:<phone number id>:<wa_id>} with the contact's profile name, and bad signatures refused.
 */
class WhatsAppWebhookIT extends RunningMeta {

    @Test
    void theHandshakeEchoesTheChallengeOnlyForOurVerifyToken() {
        givenPhone(null);

        HttpResponse<String> ok = get(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=abc123",
                null);
        HttpResponse<String> forbidden =
                get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=abc123", null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("abc123");
        assertThat(forbidden.statusCode()).isEqualTo(403);
    }

    @Test
    void aTextMessageBecomesAnInboundMessageNamedAfterTheContact() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/whatsapp",
                notification(phone.id(), "\"messages\":[" + text("85291234567", wamid, "Hello there") + "]"),
                APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(wamid);
        assertThat(message.conversationKey())
                .isEqualTo(new ConversationKey(Channel.WHATSAPP, phone.id(), "85291234567"));
        assertThat(message.conversationKey().value()).isEqualTo("whatsapp:" + phone.id() + ":85291234567");
        assertThat(message.channelAccountId()).isEqualTo(phone.id());
        assertThat(message.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.CHANNEL, phone.id(), phone.name()));
        assertThat(message.customer().displayName()).isEqualTo("Wendy");
        assertThat(message.text()).isEqualTo("Hello there");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void anImageBecomesAPlaceholderTextWithAMediaReference() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        String image = """
                {"from":"85291234567","id":"%s","timestamp":"1700000000","type":"image",
                 "image":{"id":"media-42","mime_type":"image/jpeg","sha256":"abc"}}""".formatted(wamid);

        postSigned("/webhooks/whatsapp", notification(phone.id(), "\"messages\":[" + image + "]"), APP_SECRET);

        InboundMessageReceived message = awaitInbound(wamid);
        assertThat(message.text()).isEqualTo("[image]");
        assertThat(message.attachments())
                .containsExactly(new AttachmentRef("whatsapp-media:media-42", "image/jpeg", null, null));
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsPublished() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        double before = inboundPublished();

        HttpResponse<String> response = postSigned(
                "/webhooks/whatsapp",
                notification(phone.id(), "\"messages\":[" + text("852", wamid, "forged") + "]"),
                "another-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("webhook.bad-signature");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    static String text(String from, String wamid, String body) {
        return """
                {"from":"%s","id":"%s","timestamp":"1700000000","type":"text","text":{"body":"%s"}}""".formatted(from, wamid, body);
    }

    static String notification(String phoneNumberId, String valueFields) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"85200000000",
                 "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Wendy"},"wa_id":"85291234567"}],%s}}]}]}""".formatted(phoneNumberId, valueFields);
    }
}
