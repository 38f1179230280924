package io.parley.ingest.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.presence.Availability;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.WebLink;
import io.parley.ingest.web.Widget;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/widget/{id}/conversations}: each entry becomes the right {@code InboundMessageReceived},
 * acknowledged by Kafka before the answer; every bad input is refused with its code and publishes nothing.
 */
class StartConversationIT extends RunningIngest {

    @Test
    void startingOnATagPublishesTheVisitorsMessageOnThatTag() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);

        HttpResponse<String> answer = send(
                "POST",
                "/api/widget/" + widget.id() + "/conversations",
                null,
                startBody("TAG", tag, "  Ann Lee ", "ann@example.com", "  Do you ship abroad?  "));

        assertThat(answer.statusCode()).isEqualTo(201);
        String conversationId = json(answer).path("conversationId").asString();
        String token = json(answer).path("visitorToken").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        InboundMessageReceived message = published(widget.id(), conversationId);
        assertThat(message.conversationKey()).isEqualTo(new ConversationKey(Channel.WEB, widget.id(), conversationId));
        assertThat(message.conversationKey().value()).isEqualTo("web:" + widget.id() + ":" + conversationId);
        assertThat(message.channel()).isEqualTo(Channel.WEB);
        assertThat(message.channelAccountId()).isEqualTo(widget.id());
        assertThat(message.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.TAG, tag, "Sales"));
        assertThat(message.tagId()).isEqualTo(tag);
        assertThat(message.customer().externalId()).isEqualTo(conversationId);
        assertThat(message.customer().displayName()).isEqualTo("Ann Lee");
        assertThat(message.customer().email()).isEqualTo("ann@example.com");
        assertThat(message.text()).isEqualTo("Do you ship abroad?");
        assertThat(message.platformMessageId()).isNotBlank();
    }

    @Test
    void startingOnAStaffMemberIsADirectEnquiryWithoutTag() {
        String staffId = fresh("staff");
        givenStaff(staffId, "Alice", Availability.ACTIVE, 3, 0);
        givenDestination(true, List.of(staffId));
        Widget widget = givenWidget(List.of(), true, null);

        Conversation conversation = start(widget.id(), "STAFF", staffId, "Hi Alice");

        InboundMessageReceived message = published(widget.id(), conversation.id());
        assertThat(message.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.STAFF, staffId, "Alice"));
        assertThat(message.entryPoint().isDirect()).isTrue();
        assertThat(message.tagId()).isNull();
    }

    @Test
    void startingOnTheCallToActionUsesItsTag() {
        String tag = givenTag("Offers");
        Widget widget = givenWidget(List.of(), false, tag);

        Conversation conversation = start(widget.id(), "CTA", null, "I want the offer");

        InboundMessageReceived message = published(widget.id(), conversation.id());
        assertThat(message.entryPoint().type()).isEqualTo(EntryPoint.Type.CTA);
        assertThat(message.entryPoint().label()).isEqualTo("Talk to us");
        assertThat(message.tagId()).isEqualTo(tag);
    }

    @Test
    void startingFromAWebLinkUsesTheLinksTagAndWidget() {
        String tag = givenTag("Support");
        Widget widget = givenWidget(List.of(), false, null);
        WebLink link = givenLink(widget.id(), tag, "Help with my order");

        Conversation conversation = start(widget.id(), "LINK", link.id(), "Where is my parcel?");

        InboundMessageReceived message = published(widget.id(), conversation.id());
        assertThat(message.conversationKey().accountId()).isEqualTo(widget.id());
        assertThat(message.entryPoint())
                .isEqualTo(new EntryPoint(EntryPoint.Type.LINK, link.id(), "Help with my order"));
        assertThat(message.tagId()).isEqualTo(tag);
        assertThat(message.customer().displayName()).isEqualTo("Ann");
    }

    @Test
    void aVisitorWithoutANameIsCalledVisitor() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);

        HttpResponse<String> answer = send(
                "POST",
                "/api/widget/" + widget.id() + "/conversations",
                null,
                startBody("TAG", tag, "  ", null, "hello"));

        InboundMessageReceived message =
                published(widget.id(), json(answer).path("conversationId").asString());
        assertThat(message.customer().displayName()).isEqualTo("Visitor");
        assertThat(message.customer().email()).isNull();
    }

    @Test
    void everyBadStartIsRefusedWithItsCodeAndPublishesNothing() {
        String tag = givenTag("Sales");
        String otherTag = givenTag("Other");
        String staffId = fresh("staff");
        givenStaff(staffId, "Gina", Availability.ACTIVE, 3, 0);
        givenDestination(true, List.of(staffId));
        Widget plain = givenWidget(List.of(tag), false, null);
        Widget other = givenWidget(List.of(), false, null);
        WebLink linkOfOther = givenLink(other.id(), tag, "Elsewhere");
        String path = "/api/widget/" + plain.id() + "/conversations";
        double before = inboundPublished();

        assertRefused(
                send(
                        "POST",
                        "/api/widget/" + fresh("nope") + "/conversations",
                        null,
                        startBody("TAG", tag, null, null, "hi")),
                404,
                "widget.not-found");
        assertRefused(
                send("POST", path, null, startBody("TAG", otherTag, null, null, "hi")), 400, "widget.unknown-tag");
        assertRefused(
                send("POST", path, null, startBody("STAFF", staffId, null, null, "hi")), 400, "widget.unknown-staff");
        assertRefused(
                send("POST", path, null, startBody("CTA", null, null, null, "hi")), 400, "widget.no-call-to-action");
        assertRefused(
                send("POST", path, null, startBody("LINK", fresh("link"), null, null, "hi")), 404, "link.not-found");
        assertRefused(
                send("POST", path, null, startBody("LINK", linkOfOther.id(), null, null, "hi")), 404, "link.not-found");
        assertRefused(send("POST", path, null, startBody("TAG", tag, null, null, "   ")), 400, "message.empty");
        assertRefused(send("POST", path, null, startBody("TAG", tag, null, null, null)), 400, "message.empty");
        assertRefused(
                send("POST", path, null, startBody("TAG", tag, null, null, "x".repeat(4001))), 400, "message.too-long");
        assertRefused(
                send("POST", path, null, startBody("TAG", tag, "n".repeat(101), null, "hi")),
                400,
                "visitor.name-too-long");
        assertRefused(
                send("POST", path, null, startBody("TAG", tag, null, "not-an-email", "hi")),
                400,
                "visitor.invalid-email");
        assertRefused(send("POST", path, null, startBody("ROOM", tag, null, null, "hi")), 400, "request.malformed");
        assertRefused(send("POST", path, null, "{\"entry\":"), 400, "request.malformed");
        assertRefused(send("POST", path, null, "{\"text\":\"hi\"}"), 400, "widget.entry-required");

        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void aMessageOfExactlyTheLimitIsTaken() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);

        Conversation conversation = start(widget.id(), "TAG", tag, "y".repeat(4000));

        assertThat(published(widget.id(), conversation.id()).text()).hasSize(4000);
    }

    private static InboundMessageReceived published(String widgetId, String conversationId) {
        ConversationKey key = new ConversationKey(Channel.WEB, widgetId, conversationId);
        return INBOUND.await(
                InboundMessageReceived.class, m -> m.conversationKey().equals(key));
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(code(answer)).isEqualTo(code);
    }
}
