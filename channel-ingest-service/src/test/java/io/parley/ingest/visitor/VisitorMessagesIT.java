package io.parley.ingest.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.Widget;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/visitor/messages}: a visitor writes and reads their one conversation by its token. */
class VisitorMessagesIT extends RunningIngest {

    @Test
    void aVisitorsMessagesArePublishedOnTheirConversationAndNumberedWithoutGaps() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation conversation = start(widget.id(), "TAG", tag, "first");

        HttpResponse<String> second =
                send("POST", "/api/visitor/messages", conversation.token(), body(Map.of("text", " second ")));
        HttpResponse<String> third =
                send("POST", "/api/visitor/messages", conversation.token(), body(Map.of("text", "third")));

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second).path("seq").asLong()).isEqualTo(2);
        assertThat(json(third).path("seq").asLong()).isEqualTo(3);
        ConversationKey key = new ConversationKey(Channel.WEB, widget.id(), conversation.id());
        InboundMessageReceived published = INBOUND.await(
                InboundMessageReceived.class, m -> m.conversationKey().equals(key) && "second".equals(m.text()));
        assertThat(published.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.TAG, tag, "Sales"));
        assertThat(published.tagId()).isEqualTo(tag);
        assertThat(published.customer().externalId()).isEqualTo(conversation.id());
        InboundMessageReceived first = INBOUND.await(
                InboundMessageReceived.class, m -> m.conversationKey().equals(key) && "first".equals(m.text()));
        assertThat(published.platformMessageId()).isNotEqualTo(first.platformMessageId());

        JsonNode transcript = json(get("/api/visitor/messages", conversation.token()));
        assertThat(transcript.findValuesAsString("text")).containsExactly("first", "second", "third");
        assertThat(transcript.findValues("seq").stream().map(JsonNode::asLong)).containsExactly(1L, 2L, 3L);
        assertThat(transcript.findValuesAsString("from")).containsOnly("VISITOR");
        assertThat(transcript.get(0).path("name").asString()).isEqualTo("Ann");
        assertThat(transcript.get(0).path("sentAt").asString()).isNotBlank();
    }

    @Test
    void readingAfterASequenceNumberGivesOnlyWhatFollows() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation conversation = start(widget.id(), "TAG", tag, "one");
        send("POST", "/api/visitor/messages", conversation.token(), body(Map.of("text", "two")));

        JsonNode after = json(get("/api/visitor/messages?after=1", conversation.token()));

        assertThat(after.findValuesAsString("text")).containsExactly("two");
    }

    @Test
    void aVisitorTokenReachesItsOwnConversationOnly() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation mine = start(widget.id(), "TAG", tag, "mine");
        Conversation theirs = start(widget.id(), "TAG", tag, "theirs");
        send("POST", "/api/visitor/messages", theirs.token(), body(Map.of("text", "their secret")));

        JsonNode seen = json(get("/api/visitor/messages", mine.token()));

        assertThat(seen.findValuesAsString("text")).containsExactly("mine");
    }

    @Test
    void withoutAValidTokenNothingIsReadOrSent() {
        double before = inboundPublished();

        HttpResponse<String> noToken = send("POST", "/api/visitor/messages", null, body(Map.of("text", "hi")));
        HttpResponse<String> forged = send("POST", "/api/visitor/messages", "forged-token", body(Map.of("text", "hi")));
        HttpResponse<String> read = get("/api/visitor/messages", "forged-token");

        assertThat(List.of(noToken, forged, read)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(code(answer)).isEqualTo("visitor.invalid-token");
        });
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void emptyOrOversizedVisitorMessagesAreRefusedAndChangeNothing() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation conversation = start(widget.id(), "TAG", tag, "hello");
        double before = inboundPublished();

        HttpResponse<String> empty =
                send("POST", "/api/visitor/messages", conversation.token(), body(Map.of("text", " \n ")));
        HttpResponse<String> tooLong =
                send("POST", "/api/visitor/messages", conversation.token(), body(Map.of("text", "z".repeat(4001))));
        HttpResponse<String> malformed = send("POST", "/api/visitor/messages", conversation.token(), "{text");
        HttpResponse<String> badAfter = get("/api/visitor/messages?after=abc", conversation.token());

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(code(empty)).isEqualTo("message.empty");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(code(tooLong)).isEqualTo("message.too-long");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(code(malformed)).isEqualTo("request.malformed");
        assertThat(badAfter.statusCode()).isEqualTo(400);
        assertThat(code(badAfter)).isEqualTo("visitor.invalid-after");
        assertThat(inboundPublished()).isEqualTo(before);
        assertThat(json(get("/api/visitor/messages", conversation.token())).findValuesAsString("text"))
                .containsExactly("hello");
    }
}
